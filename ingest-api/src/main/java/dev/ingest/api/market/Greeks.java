package dev.ingest.api.market;

import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An option's sensitivities as the provider computed them; any may be missing.
 *
 * @since 0.1
 */
public record Greeks(
    @Nullable BigDecimal delta,
    @Nullable BigDecimal gamma,
    @Nullable BigDecimal theta,
    @Nullable BigDecimal vega,
    @Nullable BigDecimal rho) {

  public Greeks {
    delta = Decimals.optional(delta);
    gamma = Decimals.optional(gamma);
    theta = Decimals.optional(theta);
    vega = Decimals.optional(vega);
    rho = Decimals.optional(rho);
  }

  /** Whether the provider sent at least one greek. */
  public boolean isPresent() {
    return delta != null || gamma != null || theta != null || vega != null || rho != null;
  }
}
