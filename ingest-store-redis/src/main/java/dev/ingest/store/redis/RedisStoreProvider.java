package dev.ingest.store.redis;

import dev.ingest.api.Beta;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Secret;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.spi.Store;
import dev.ingest.api.spi.StoreProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Store provider {@code "redis"} for {@code redis://} and {@code rediss://} (TLS) URLs: opens a
 * {@link Store} whose {@linkplain Store#marketData() market-data sink} is a {@link
 * RedisMarketDataSink} over a client it creates and closes.
 *
 * <pre>{@code
 * URI url = URI.create("redis://127.0.0.1:6379/0");
 * try (Store store = Providers.store(url).open(url, settings)) {
 *   MarketDataSink sink = store.marketData().orElseThrow();
 * }
 * }</pre>
 *
 * <p>The URL gives host, port (6379 by default) and database ({@code /0}). Settings add the {@link
 * RedisSinkConfig} keys and:
 *
 * <pre>
 * cluster          = true         connect as a Redis Cluster client; the URL's host is a seed node
 * nodes            = h1:7000,h2:7001   more seed nodes for the cluster
 * user             = ingest       ACL user
 * password_env_var = REDIS_PASSWORD    the environment variable holding the password
 * client_name      = ingest       CLIENT SETNAME of each connection
 * connect_timeout  = 2            seconds
 * socket_timeout   = 2            seconds
 * </pre>
 *
 * <p>A password may also sit in the URL ({@code redis://:secret@host}), though the environment
 * variable keeps it out of configuration files; either way it never appears in a log or an
 * exception. Opening pings the server and fails with a {@link TransportException} when it does not
 * answer. Stateless; the no-argument constructor does no work.
 *
 * @since 0.1
 */
@Beta
public final class RedisStoreProvider implements StoreProvider {
  private static final Logger log = LoggerFactory.getLogger(RedisStoreProvider.class);
  private static final int DEFAULT_PORT = 6379;

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public boolean accepts(URI url) {
    String scheme = url.getScheme();
    return "redis".equalsIgnoreCase(scheme) || "rediss".equalsIgnoreCase(scheme);
  }

  @Override
  public Store open(URI url, Settings settings) {
    return open(url, settings, IngestListener.NOOP);
  }

  /**
   * As {@link #open(URI, Settings)}, reporting the sink's failures and retries to {@code listener}.
   */
  @Override
  public Store open(URI url, Settings settings, IngestListener listener) {
    if (!accepts(url) || url.getHost() == null) {
      throw new ConfigurationException(
          "redis", "url", "not a redis:// or rediss:// URL with a host: " + redacted(url));
    }
    RedisSinkConfig config = RedisSinkConfig.from(settings);
    boolean cluster = settings.booleanValue("cluster", false);
    JedisClientConfig clientConfig = clientConfig(url, settings, cluster);
    HostAndPort seed =
        new HostAndPort(url.getHost(), url.getPort() < 0 ? DEFAULT_PORT : url.getPort());
    UnifiedJedis client;
    try {
      if (cluster) {
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        nodes.add(seed);
        if (settings.has("nodes")) {
          settings.list("nodes").forEach(n -> nodes.add(HostAndPort.from(n)));
        }
        client = RedisClusterClient.builder().nodes(nodes).clientConfig(clientConfig).build();
      } else {
        client = RedisClient.builder().hostAndPort(seed).clientConfig(clientConfig).build();
      }
    } catch (JedisException | IllegalArgumentException e) {
      throw new TransportException(
          "redis", "cannot connect to " + redacted(url) + ": " + e.getMessage(), e);
    }
    try {
      client.ping();
      RedisMarketDataSink sink = RedisMarketDataSink.owning(client, config, listener);
      log.info(
          "redis store open url={} cluster={} prefix={}", redacted(url), cluster, config.prefix());
      return new RedisStore(sink);
    } catch (JedisException e) {
      client.close();
      throw new TransportException(
          "redis", "redis at " + redacted(url) + " does not answer: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static JedisClientConfig clientConfig(URI url, Settings settings, boolean cluster) {
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .clientName(settings.get("client_name", "ingest"))
            .connectionTimeoutMillis(millis(settings, "connect_timeout"))
            .socketTimeoutMillis(millis(settings, "socket_timeout"));
    if ("rediss".equalsIgnoreCase(url.getScheme())) {
      builder.sslOptions(SslOptions.defaults()); // the JVM's trust store, host name verified
    }
    String user = settings.optional("user").orElse(null);
    String password = null;
    String info = url.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      String urlUser = decode(colon < 0 ? info : info.substring(0, colon));
      if (user == null && !urlUser.isEmpty()) {
        user = urlUser;
      }
      if (colon >= 0) {
        password = decode(info.substring(colon + 1));
      }
    }
    if (settings.has("password_env_var")) {
      Secret secret = settings.secretFromEnv("password_env_var");
      password = secret.reveal();
    }
    if (user != null) {
      builder.user(user);
    }
    if (password != null && !password.isEmpty()) {
      builder.password(password);
    }
    int database = database(url);
    if (database != 0) {
      if (cluster) {
        throw new ConfigurationException(
            "redis", "url", "Redis Cluster has only database 0, the URL asks for " + database);
      }
      builder.database(database);
    }
    return builder.build();
  }

  private static int millis(Settings settings, String key) {
    Duration d = settings.duration(key, Duration.ofSeconds(2));
    if (d.isNegative() || d.toMillis() > Integer.MAX_VALUE) {
      throw new ConfigurationException("redis", settings.keyOf(key), key + " out of range: " + d);
    }
    return (int) d.toMillis();
  }

  private static int database(URI url) {
    String path = url.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int db = Integer.parseInt(path.substring(1));
      if (db < 0) {
        throw new NumberFormatException();
      }
      return db;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "redis", "url", "the URL's path must be a database number, was " + redacted(url));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The URL without user information, fit for logs and messages. */
  static String redacted(@Nullable URI url) {
    if (url == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder();
    s.append(url.getScheme()).append("://");
    if (url.getRawUserInfo() != null) {
      s.append("****@");
    }
    s.append(url.getHost());
    if (url.getPort() >= 0) {
      s.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      s.append(url.getRawPath());
    }
    return s.toString();
  }
}
