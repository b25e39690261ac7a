package io.encore.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Event produced → recommendation change visible, at a fixed offered rate. Background events go to random
 * guests; one event in a hundred is a probe: a purchase, by a probe guest, of the first concert of the list the
 * guest sees now. A bought concert always leaves the list, so every probe has exactly one change to wait for:
 * the first WEB change of that guest without the concert, read by a read_committed consumer.
 */
final class LatencyPhase {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyPhase.class);
    private static final int PROBE_EVERY = 100;
    private static final Duration TICK = Duration.ofMillis(5);

    private record Probe(String concertId, long sentNanos) {
    }

    private final String bootstrap;
    private final TopicCatalogue topics;
    private final Workload workload;
    private final ObjectMapper json = new ObjectMapper();
    private final String queryToken;
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, Probe> outstanding = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();

    LatencyPhase(String bootstrap, TopicCatalogue topics, Workload workload, String queryToken) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.workload = workload;
        this.queryToken = queryToken;
    }

    BenchResult.Latency run(ChangeFeed feed, String scoringUrl, double rate, Duration duration, Duration drain)
            throws InterruptedException {
        int probeGuests = Math.max(1, Math.min(500, workload.guests() / 2));
        loadLists(scoringUrl, probeGuests);
        List<Long> latencies = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong probes = new AtomicLong();
        Thread producer = new Thread(() -> offer(rate, duration, probeGuests, sent, probes), "bench-latency-producer");
        long started = System.nanoTime();
        producer.start();
        long deadline = started + duration.toNanos() + drain.toNanos();
        while (producer.isAlive() || !outstanding.isEmpty() && System.nanoTime() < deadline) {
            for (RecommendationChange change : feed.poll(Duration.ofMillis(20))) {
                observe(change, System.nanoTime(), latencies);
            }
        }
        producer.join();
        double seconds = duration.toNanos() / 1e9;
        return summary(rate, sent.get() / seconds, seconds, (int) probes.get(), latencies, outstanding.size());
    }

    private void observe(RecommendationChange change, long now, List<Long> latencies) {
        if (change.getChannel() != Channel.WEB || !lists.containsKey(change.getGuestId())) {
            return;
        }
        lists.put(change.getGuestId(), List.copyOf(change.getConcertIds()));
        Probe probe = outstanding.get(change.getGuestId());
        if (probe != null && !change.getConcertIds().contains(probe.concertId())) {
            outstanding.remove(change.getGuestId());
            latencies.add(now - probe.sentNanos());
            idle.add(guestIndex(change.getGuestId()));
        }
    }

    /** Sends {@code rate} events a second for {@code duration}, paced every few milliseconds. */
    private void offer(double rate, Duration duration, int probeGuests, AtomicLong sent, AtomicLong probes) {
        SplittableRandom random = new SplittableRandom(11);
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap)) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long n = 0;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                for (; n < due; n++) {
                    Instant now = Instant.now();
                    if (n % PROBE_EVERY == 0 && probe(producer, n, now)) {
                        probes.incrementAndGet();
                    } else {
                        int g = probeGuests + random.nextInt(Math.max(1, workload.guests() - probeGuests));
                        Clients.sendEvent(producer, topics, workload.event(-1 - n, g % workload.guests(), now, random));
                    }
                }
                sent.set(n);
                Thread.sleep(TICK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean probe(KafkaProducer<String, byte[]> producer, long n, Instant now) {
        Integer g = idle.poll();
        if (g == null) {
            return false;
        }
        String guestId = Workload.key(Workload.guest(g));
        List<String> list = lists.get(guestId);
        if (list == null || list.isEmpty()) {
            return false; // a guest whose list went empty takes no further part
        }
        outstanding.put(guestId, new Probe(list.get(0), System.nanoTime()));
        Clients.send(producer, topics.ticketSales(), guestId, Workload.purchase("bench-probe-" + n, Workload.guest(g),
                list.get(0), now));
        producer.flush(); // a probe's clock starts when the broker has it, not when it leaves a batch
        return true;
    }

    /** The WEB list each probe guest sees now, from scoring-stream's HTTP API. */
    private void loadLists(String scoringUrl, int probeGuests) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int g = 0; g < probeGuests; g++) {
            String guestId = Workload.key(Workload.guest(g));
            URI uri = URI.create(scoringUrl + "/guests/" + URLEncoder.encode(guestId, StandardCharsets.UTF_8)
                    + "/recommendations?channel=web");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + queryToken).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    List<String> ids = new ArrayList<>();
                    for (JsonNode item : json.readTree(response.body()).path("items")) {
                        ids.add(item.path("concertId").asText());
                    }
                    if (!ids.isEmpty()) {
                        lists.put(guestId, ids);
                        idle.add(g);
                    }
                }
            } catch (IOException e) {
                LOG.warn("No list for probe guest {}: {}", guestId, e.toString());
            }
        }
        LOG.info("{} of {} probe guests have a WEB list", idle.size(), probeGuests);
    }

    private static int guestIndex(String guestId) {
        return Integer.parseInt(guestId.substring(guestId.lastIndexOf('-') + 1));
    }

    private static BenchResult.Latency summary(double rate, double achieved, double seconds, int probes,
                                               List<Long> latencies, int unresolved) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new BenchResult.Latency(rate, achieved, seconds, probes, sorted.length, unresolved,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile in milliseconds; NaN without samples. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

}
