package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.ProviderRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * Databento refused a request (400, 401, 402, 403, 404, 409, 422): the same request would be
 * refused again, so it is not retried. Names the request parameter Databento objected to when its
 * answer allows (e.g. {@code start} for {@code data_start_before_available_start}, {@code key} for
 * a refused API key) and Databento's {@code case} as {@link #code()}.
 *
 * @since 0.1
 */
@Beta
public final class DatabentoRejectedException extends ProviderRejectedException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String parameter;
  private final @Nullable String requestId;

  public DatabentoRejectedException(
      int status,
      @Nullable String caseId,
      @Nullable String parameter,
      @Nullable String requestId,
      String context,
      String providerMessage) {
    super(
        "databento",
        status,
        caseId,
        (parameter == null ? "" : "parameter=" + parameter + " ")
            + context
            + (requestId == null ? "" : " request_id=" + requestId),
        providerMessage);
    this.parameter = parameter;
    this.requestId = requestId;
  }

  /**
   * The request parameter Databento rejected ({@code dataset}, {@code symbols}, {@code schema},
   * {@code start}, {@code end}, {@code stype_in}, {@code limit}, or {@code key} for the API key),
   * or null when its answer does not say.
   */
  public @Nullable String parameter() {
    return parameter;
  }

  /** Databento's {@code request-id} header, for support tickets; null when absent. */
  public @Nullable String requestId() {
    return requestId;
  }
}
