package io.encore.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client that keeps asking every live instance for a guest's profile or recommendations while a test scales
 * the apps, and counts the answers by status. An instance is asked only while it is in the live list: the test
 * takes it out before it stops it, so a refused connection or a timeout counts against the apps (a hang during
 * a rebalance shows up as a timeout).
 */
final class ApiWatch implements AutoCloseable {

    private final CopyOnWriteArrayList<AppProcess> live = new CopyOnWriteArrayList<>();
    private final int guests;
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Random random = new Random(7);
    private final Thread thread;
    private volatile boolean running = true;

    ApiWatch(int guests) {
        this.guests = guests;
        this.thread = new Thread(this::run, "api-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void add(AppProcess instance) {
        live.addIfAbsent(instance);
    }

    void remove(AppProcess instance) {
        live.remove(instance);
    }

    private void run() {
        while (running) {
            for (AppProcess instance : live) {
                String path = String.format(instance.app().guestPath, EventFlow.guestKey(random.nextInt(guests)))
                        + (instance.app() == AppProcess.App.SCORING ? "?channel=web" : "");
                int status;
                String detail;
                try {
                    HttpResponse<String> response = instance.get(path);
                    status = response.statusCode();
                    detail = response.body();
                    if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                        status = 599; // a 503 without Retry-After is not the promised answer: count it as a failure
                    }
                } catch (IOException e) {
                    status = live.contains(instance) ? -1 : 0; // 0: taken out of the live list meanwhile
                    detail = e.toString();
                }
                record(instance, path, status, detail);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void record(AppProcess instance, String path, int status, String detail) {
        if (status == 0) {
            return;
        }
        statuses.merge(status, 1L, Long::sum);
        if ((status >= 500 && status != 503) || status < 0) {
            if (failures.size() < 20) {
                failures.add(instance + " " + path + " → " + status + " " + detail);
            }
        }
    }

    /** Answers by status; -1 for no answer (refused or timed out). */
    synchronized Map<Integer, Long> statuses() {
        return new TreeMap<>(statuses);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** 5xx other than 503 with Retry-After, plus requests nobody answered. */
    synchronized long bad() {
        return statuses.entrySet().stream().filter(e -> (e.getKey() >= 500 && e.getKey() != 503) || e.getKey() < 0)
                .mapToLong(Map.Entry::getValue).sum();
    }

    synchronized long total() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
