package io.encore.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * What the guests cost in state. On disk: the files under each store's directory in the app's state directory
 * ({@code <state.dir>/<application.id>/<task>/rocksdb/<store>} or {@code <task>/<store>}) after the apps closed.
 * In RocksDB's memory: the memtables while the apps ran, from Kafka Streams' RocksDB metrics (arena blocks, so a
 * floor of about 1 MB per store and task whatever it holds). On the heap: the growth of the JVM's used heap after
 * a full collection, against a baseline taken before the guests existed (it includes the broker's and the
 * clients' growth, so it is an upper bound).
 */
final class StateMeasure {

    private static final String GROUP = "stream-state-metrics";

    /** One app: its name in the report, its running streams and its state directory for its application id. */
    record App(String name, KafkaStreams streams, Path appStateDir) {
    }

    private StateMeasure() {
    }

    /** Used heap after a full collection, in bytes. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** What only the running apps can tell: memtables and key estimates per store, and the heap. */
    record Live(Map<String, Long> memtables, Map<String, Long> keys, long heapGrowth) {
    }

    /** Reads the RocksDB metrics of both apps and the heap; call while they run. */
    static Live live(List<App> apps, long heapBaseline) {
        Map<String, Long> memtables = new TreeMap<>();
        Map<String, Long> keys = new TreeMap<>();
        for (App app : apps) {
            metricByStore(app.streams(), "size-all-mem-tables").forEach((store, v) -> memtables.put(app.name() + "/" + store, v));
            metricByStore(app.streams(), "estimate-num-keys").forEach((store, v) -> keys.put(app.name() + "/" + store, v));
        }
        return new Live(memtables, keys, Math.max(0, heapAfterGc() - heapBaseline));
    }

    /**
     * The state per guest, once the apps are closed: a clean close flushes every memtable, so the SST files then
     * hold all the data, and a full compaction of each store drops the versions its updates left behind (otherwise
     * a guest updated five times between flushes counts five times). Kafka Streams writes RocksDB without
     * compression by default, and so does the compaction here. Other files (manifests, options, RocksDB's own
     * logs) are counted apart: they are per store and task, not per guest.
     */
    static BenchResult.State afterClose(List<App> apps, Live live, int guests) {
        List<BenchResult.Store> stores = new ArrayList<>();
        for (App app : apps) {
            compactAll(app.appStateDir());
            Map<String, long[]> disk = diskByStore(app.appStateDir());
            TreeMap<String, long[]> names = new TreeMap<>(disk);
            live.memtables().keySet().stream().filter(k -> k.startsWith(app.name() + "/"))
                    .forEach(k -> names.putIfAbsent(k.substring(app.name().length() + 1), new long[2]));
            names.forEach((store, bytes) -> stores.add(new BenchResult.Store(app.name(), store, bytes[0], bytes[1],
                    live.memtables().getOrDefault(app.name() + "/" + store, 0L),
                    live.keys().getOrDefault(app.name() + "/" + store, -1L))));
        }
        long sst = stores.stream().mapToLong(BenchResult.Store::sstBytes).sum();
        long other = stores.stream().mapToLong(BenchResult.Store::otherFileBytes).sum();
        long memtables = stores.stream().mapToLong(BenchResult.Store::memtableBytes).sum();
        return new BenchResult.State(guests, sst, other, memtables, (double) sst / guests,
                (double) live.heapGrowth() / guests, stores);
    }

    /** Compacts every RocksDB database (a directory with a {@code CURRENT} file) below {@code appStateDir}. */
    static void compactAll(Path appStateDir) {
        if (!Files.isDirectory(appStateDir)) {
            return;
        }
        RocksDB.loadLibrary();
        try (Stream<Path> files = Files.walk(appStateDir)) {
            for (Path current : files.filter(f -> f.getFileName().toString().equals("CURRENT")).toList()) {
                compact(current.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compact(Path db) {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (Options options = new Options();
             ColumnFamilyOptions family = new ColumnFamilyOptions().setCompressionType(CompressionType.NO_COMPRESSION);
             DBOptions dbOptions = new DBOptions()) {
            List<ColumnFamilyDescriptor> descriptors = RocksDB.listColumnFamilies(options, db.toString()).stream()
                    .map(name -> new ColumnFamilyDescriptor(name, family)).toList();
            try (RocksDB rocks = RocksDB.open(dbOptions, db.toString(), descriptors, handles)) {
                for (ColumnFamilyHandle handle : handles) {
                    rocks.compactRange(handle);
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot compact " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Bytes of SST files and of other files per store directory: the directory right below {@code rocksdb/}, or
     * below the task's.
     */
    static Map<String, long[]> diskByStore(Path appStateDir) {
        Map<String, long[]> sizes = new TreeMap<>();
        if (!Files.isDirectory(appStateDir)) {
            return sizes;
        }
        try (Stream<Path> files = Files.walk(appStateDir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path relative = appStateDir.relativize(file); // <task>/rocksdb/<store>/... or <task>/<store>/...
                if (relative.getNameCount() < 3) {
                    return; // the task's checkpoint and lock files
                }
                int at = "rocksdb".equals(relative.getName(1).toString()) ? 2 : 1;
                if (relative.getNameCount() > at + 1) {
                    long[] bytes = sizes.computeIfAbsent(relative.getName(at).toString(), name -> new long[2]);
                    bytes[file.getFileName().toString().endsWith(".sst") ? 0 : 1] += size(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a file RocksDB removed while we walked: compaction
        }
    }

    /** A RocksDB property metric summed per store over tasks and segments; empty when not recorded. */
    static Map<String, Long> metricByStore(KafkaStreams streams, String name) {
        Map<String, Long> byStore = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName id = metric.getKey();
            if (!GROUP.equals(id.group()) || !name.equals(id.name())) {
                continue;
            }
            String store = id.tags().get("rocksdb-state-id");
            if (store == null) {
                store = id.tags().getOrDefault("rocksdb-window-state-id", id.tags().get("rocksdb-session-state-id"));
            }
            if (store != null && metric.getValue().metricValue() instanceof Number value) {
                byStore.merge(store, value.longValue(), Long::sum);
            }
        }
        return byStore;
    }
}
