package io.encore.stack.standin;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.error.OsArchitectureNotFound;

import io.encore.stack.Ports;

/**
 * A local Redis for the web sink: a real {@code redis-server} child process, either the 6.2 binary shipped
 * inside the {@code embedded-redis} jar (Linux and macOS, x86-64 and arm64) or, on other platforms, a
 * {@code redis-server} found on the PATH. Its snapshot lives in the given directory, so the web lists survive
 * a restart of the demo the way the Connect offsets do.
 */
public final class LocalRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRedis.class);

    private final RedisServer server;
    private final String url;

    private LocalRedis(RedisServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts redis-server on {@code host:port} (0 picks a free port) with its data in {@code dataDir}. */
    public static LocalRedis start(String host, int port, Path dataDir) {
        int chosen = Ports.require(host, port, "--redis-port");
        try {
            Files.createDirectories(dataDir);
            RedisServer server = RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .bind(addresses(host))
                    .port(chosen)
                    .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(false)
                    .soutListener(line -> LOG.debug("redis: {}", line))
                    .serrListener(line -> LOG.warn("redis: {}", line))
                    .build();
            server.start();
            return new LocalRedis(server, "redis://" + host + ":" + chosen);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Redis on " + host + ":" + chosen + ": " + e.getMessage(), e);
        }
    }

    /** The value for the web sink's {@code redis.url}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("Redis did not stop cleanly", e);
        }
    }

    /** The binary shipped for this platform, else {@code redis-server} on the PATH. */
    private static ExecutableProvider executable() throws FileNotFoundException {
        ExecutableProvider shipped = ExecutableProvider.newJarResourceProvider();
        try {
            shipped.get();
            return shipped;
        } catch (OsArchitectureNotFound | IOException e) {
            LOG.info("No Redis binary shipped for this platform ({}); looking for redis-server on the PATH", e.getMessage());
            return ExecutableProvider.newExecutableInPath("redis-server");
        }
    }

    /** Every address {@code host} resolves to: redis binds addresses, not names. */
    private static String addresses(String host) throws UnknownHostException {
        return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).distinct()
                .collect(Collectors.joining(" "));
    }
}
