package io.encore.stack.junit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names unique to one test on the shared broker: topics, application ids and group ids derived from the
 * test class and method, plus a JVM-wide counter, so a rerun or a parallel test never sees another's data.
 */
public final class TestNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String base;

    TestNames(String testClass, String testMethod) {
        String raw = testClass + "-" + testMethod + "-" + COUNTER.incrementAndGet();
        String safe = raw.replaceAll("[^a-zA-Z0-9._-]", "-");
        this.base = safe.length() > 180 ? safe.substring(safe.length() - 180) : safe;
    }

    /** A topic name for this test, for example {@code click-events.MyIT-shouldX-3}. */
    public String topic(String logicalName) {
        return logicalName + "." + base;
    }

    /** A topic-name prefix for this test, for a whole catalogue. */
    public String topicPrefix() {
        return base + ".";
    }

    public String applicationId() {
        return "app-" + base;
    }

    public String groupId() {
        return "group-" + base;
    }
}
