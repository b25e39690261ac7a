package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    private final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

    @Test
    void shouldChargeEveryStoreOfTheProcessToOneCacheAndOneMemtableManager() {
        try (Options guests = options(); Options audiences = options()) {
            Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "67108864");
            setter.setConfig("guests", guests, configs);
            setter.setConfig("audiences", audiences, configs);

            BlockBasedTableConfig table = (BlockBasedTableConfig) guests.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(guests.writeBufferManager()).isNotNull().isSameAs(audiences.writeBufferManager());
            assertThat(BoundedRocksDbMemory.budget(configs)).isSameAs(BoundedRocksDbMemory.budget(configs));
        }
    }

    @Test
    void shouldLeaveTheStoresDefaultsWhenTheBudgetIsZero() {
        try (Options options = options()) {
            setter.setConfig("guests", options, Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "0"));

            assertThat(options.writeBufferManager()).isNull();
            assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isFalse();
        }
    }

    @Test
    void shouldRefuseABudgetThatIsNoNumberOrTooSmall() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(BoundedRocksDbMemory.MEMORY_CONFIG);
        assertThatThrownBy(() -> BoundedRocksDbMemory.budget(Map.of(BoundedRocksDbMemory.MEMORY_CONFIG, "1024")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("16 MiB");
    }

    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
