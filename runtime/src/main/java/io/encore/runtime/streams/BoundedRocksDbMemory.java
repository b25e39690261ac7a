package io.encore.runtime.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of a process by one budget, the pattern Kafka Streams'
 * memory-management guide gives: one LRU block cache shared by all stores, which also holds their index and
 * filter blocks (in its high-priority pool), and one write-buffer manager that charges every memtable to that
 * cache. Without it each store instance has its own block cache and memtables, so the footprint grows with
 * stores × partitions and is unknown in advance.
 *
 * <p>The budget is {@value #MEMORY_CONFIG} bytes per process ({@value #MEMORY_DEFAULT} by default), a quarter
 * of it for memtables; 0 leaves every store with Kafka Streams' own per-store defaults (unbounded). Apps in one JVM that ask for the same budget share it (the local stack's demo runs both
 * stream apps in one process). The cache and manager live as long as the process: they are shared, so no store's
 * {@link #close} may free them.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String MEMORY_CONFIG = "encore.rocksdb.memory.bytes";
    /**
     * 1 GiB, a quarter of it for memtables: {@code ./encore bench --quick} measured 256 MiB (64 MiB of memtables for
     * both apps' stores) at less than half the unbounded engine rate (686–735 against 1,037–1,485 events/s, the
     * memtables flushed early), 1 GiB at the unbounded rate (1,509 events/s); docs/performance.md.
     */
    public static final long MEMORY_DEFAULT = 1024L * 1024 * 1024;
    private static final double MEMTABLE_SHARE = 0.25;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;
    private static final long MINIMUM = 16L * 1024 * 1024;

    private static final Map<Long, Budget> BUDGETS = new ConcurrentHashMap<>();

    /** One process-wide budget: the shared cache and the memtable manager charged to it. */
    record Budget(Cache cache, WriteBufferManager writeBuffers) {

        static Budget of(long bytes) {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            return new Budget(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget budget = budget(configs);
        if (budget == null) {
            return;
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(budget.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(budget.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the manager are shared by every store of the process: nothing to free per store.
    }

    /** The budget the settings name; null for 0, no bound. */
    static Budget budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_CONFIG);
        long bytes;
        try {
            bytes = value == null ? MEMORY_DEFAULT : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(MEMORY_CONFIG, value, "not a number of bytes");
        }
        if (bytes == 0) {
            return null;
        }
        if (bytes < MINIMUM) {
            throw new ConfigException(MEMORY_CONFIG, value, "at least " + MINIMUM + " bytes (16 MiB), or 0 for no bound");
        }
        return BUDGETS.computeIfAbsent(bytes, Budget::of);
    }
}
