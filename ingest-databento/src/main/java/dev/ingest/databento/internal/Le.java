package dev.ingest.databento.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian reads from a byte array. The view VarHandles compile to plain (unaligned) loads,
 * which is what keeps the decoder near memory speed. Internal.
 */
final class Le {
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  private Le() {}

  static long i64(byte[] b, int offset) {
    return (long) I64.get(b, offset);
  }

  static int i32(byte[] b, int offset) {
    return (int) I32.get(b, offset);
  }

  static long u32(byte[] b, int offset) {
    return i32(b, offset) & 0xFFFF_FFFFL;
  }

  static int u16(byte[] b, int offset) {
    return ((short) I16.get(b, offset)) & 0xFFFF;
  }

  static int u8(byte[] b, int offset) {
    return b[offset] & 0xFF;
  }
}
