package dev.ingest.ibkr;

import dev.ingest.api.Beta;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.AccountId;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Where TWS or IB Gateway listens and how to talk to it.
 *
 * <pre>{@code
 * IbkrConfig config = IbkrConfig.of("127.0.0.1", 4002, 7).withAccount(AccountId.of("DU1234567"));
 * }</pre>
 *
 * <p>From {@link Settings} ({@link #from}): {@code host}, {@code port}, {@code client_id}, {@code
 * account}, {@code connect_timeout}, {@code request_timeout}, {@code commission_grace} (seconds or
 * ISO-8601), {@code tws_time_zone}, {@code account_summary_group}, {@code pace_api} and a {@code
 * retry_policy} section. TWS needs no secret: access is granted by TWS's trusted-IP list.
 *
 * @param clientId the API client id; one connection per id. Only the "master API client id" set in
 *     TWS sees the orders and fills of every client.
 * @param account the account to serve, or null for the only one TWS manages
 * @param requestTimeout how long a fetch waits for its END message
 * @param commissionGrace how long a fetch of executions waits for commission reports that TWS sends
 *     after EXECUTION_DATA_END
 * @param twsTimeZone the zone of TWS's zone-less timestamps (older builds); TWS usually runs on the
 *     same machine, so the default is this machine's zone
 * @param accountSummaryGroup {@code All} or an FA group
 * @param paceApi ask TWS to pace our requests to its 50 msg/s limit ({@code +PACEAPI}) instead of
 *     rejecting them
 * @since 0.1
 */
@Beta
public record IbkrConfig(
    String host,
    int port,
    int clientId,
    @Nullable AccountId account,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration commissionGrace,
    ZoneId twsTimeZone,
    String accountSummaryGroup,
    boolean paceApi,
    RetrySettings retry) {

  /** IB Gateway's paper-trading port. */
  public static final int DEFAULT_PORT = 4002;

  public IbkrConfig {
    if (host == null || host.isBlank()) {
      throw new ConfigurationException("ibkr", "host", "host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new ConfigurationException(
          "ibkr", "port", "port must be between 1 and 65535, was " + port);
    }
    if (clientId < 0) {
      throw new ConfigurationException(
          "ibkr", "client_id", "client_id must be >= 0, was " + clientId);
    }
    positive(connectTimeout, "connect_timeout");
    positive(requestTimeout, "request_timeout");
    if (commissionGrace == null || commissionGrace.isNegative()) {
      throw new ConfigurationException(
          "ibkr", "commission_grace", "commission_grace must be >= 0, was " + commissionGrace);
    }
    if (twsTimeZone == null) {
      throw new ConfigurationException("ibkr", "tws_time_zone", "tws_time_zone must be set");
    }
    if (accountSummaryGroup == null || accountSummaryGroup.isBlank()) {
      throw new ConfigurationException(
          "ibkr", "account_summary_group", "account_summary_group must not be blank");
    }
    if (retry == null) {
      throw new ConfigurationException("ibkr", "retry_policy", "retry_policy must be set");
    }
  }

  /** Defaults: no fixed account, 10 s to connect, 30 s per request, 1 s commission grace. */
  public static IbkrConfig of(String host, int port, int clientId) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        ZoneId.systemDefault(),
        "All",
        false,
        RetrySettings.DEFAULT);
  }

  /** Reads the keys listed in the class comment; absent keys keep {@link #of}'s defaults. */
  public static IbkrConfig from(Settings settings) {
    IbkrConfig d = of(settings.get("host", "127.0.0.1"), DEFAULT_PORT, 0);
    String zone = settings.get("tws_time_zone", d.twsTimeZone.getId());
    ZoneId twsZone;
    try {
      twsZone = ZoneId.of(zone, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new ConfigurationException(
          "ibkr",
          settings.keyOf("tws_time_zone"),
          settings.keyOf("tws_time_zone") + " is not a time zone: '" + zone + "'");
    }
    return new IbkrConfig(
        d.host,
        settings.intValue("port", DEFAULT_PORT),
        settings.intValue("client_id", 0),
        settings.optional("account").map(IbkrConfig::account).orElse(null),
        settings.duration("connect_timeout", d.connectTimeout),
        settings.duration("request_timeout", d.requestTimeout),
        settings.duration("commission_grace", d.commissionGrace),
        twsZone,
        settings.get("account_summary_group", d.accountSummaryGroup),
        settings.booleanValue("pace_api", false),
        RetrySettings.from(settings.section("retry_policy")));
  }

  public IbkrConfig withClientId(int value) {
    return new IbkrConfig(
        host,
        port,
        value,
        account,
        connectTimeout,
        requestTimeout,
        commissionGrace,
        twsTimeZone,
        accountSummaryGroup,
        paceApi,
        retry);
  }

  public IbkrConfig withAccount(@Nullable AccountId value) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        value,
        connectTimeout,
        requestTimeout,
        commissionGrace,
        twsTimeZone,
        accountSummaryGroup,
        paceApi,
        retry);
  }

  public IbkrConfig withTimeouts(Duration connect, Duration request) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        account,
        connect,
        request,
        commissionGrace,
        twsTimeZone,
        accountSummaryGroup,
        paceApi,
        retry);
  }

  public IbkrConfig withCommissionGrace(Duration value) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        account,
        connectTimeout,
        requestTimeout,
        value,
        twsTimeZone,
        accountSummaryGroup,
        paceApi,
        retry);
  }

  public IbkrConfig withTwsTimeZone(ZoneId value) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        account,
        connectTimeout,
        requestTimeout,
        commissionGrace,
        value,
        accountSummaryGroup,
        paceApi,
        retry);
  }

  public IbkrConfig withRetry(RetrySettings value) {
    return new IbkrConfig(
        host,
        port,
        clientId,
        account,
        connectTimeout,
        requestTimeout,
        commissionGrace,
        twsTimeZone,
        accountSummaryGroup,
        paceApi,
        value);
  }

  private static AccountId account(String text) {
    try {
      return AccountId.of(text);
    } catch (RuntimeException e) {
      throw new ConfigurationException("ibkr", "account", "account is not an account code");
    }
  }

  private static void positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigurationException("ibkr", key, key + " must be > 0, was " + value);
    }
  }
}
