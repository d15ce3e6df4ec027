package dev.ingest.testkit;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a {@link FakeBrokerApi} it opened unclosed, the way a production broker
 * connection would leak a socket. Register with {@code @ExtendWith(BrokerLeakCheck.class)}. The
 * leaked instances are closed so the next test starts clean.
 *
 * @since 0.1
 */
public final class BrokerLeakCheck implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BrokerLeakCheck.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("before", FakeBrokerApi.openInstances());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    Set<FakeBrokerApi> before = context.getStore(NS).get("before", Set.class);
    Set<FakeBrokerApi> leaked = new HashSet<>(FakeBrokerApi.openInstances());
    leaked.removeAll(before);
    if (!leaked.isEmpty()) {
      leaked.forEach(FakeBrokerApi::close);
      throw new AssertionError(
          "test " + context.getDisplayName() + " left broker connections open: " + leaked);
    }
  }
}
