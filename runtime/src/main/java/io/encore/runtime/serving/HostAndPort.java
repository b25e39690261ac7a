package io.encore.runtime.serving;

import java.util.Objects;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Where an instance serves HTTP, as it advertises itself in {@code application.server}; instances are told
 * apart by this pair, so it must be the same string every instance's metadata carries.
 */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("An instance needs a host name");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    /** Parses {@code host:port}, the form of Kafka Streams' {@code application.server}. */
    public static HostAndPort parse(String hostAndPort) {
        int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Expected host:port, got " + hostAndPort);
        }
        try {
            return new HostAndPort(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected host:port, got " + hostAndPort, e);
        }
    }

    public static HostAndPort from(HostInfo info) {
        return new HostAndPort(info.host(), info.port());
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
