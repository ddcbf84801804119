package org.millrace.state.rocksdb;

import org.millrace.configuration.MemorySize;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The native option objects of one RocksDB instance, sized from the managed memory: one LRU block
 * cache of {@code managedSize}, and a write buffer manager that charges memtables to that cache up
 * to {@code writeBufferRatio} of it, so block cache plus memtables stay within the budget. Index
 * and filter blocks live in the cache too (high priority). Created and closed by the backend on
 * the task thread; {@link #close()} only after the database and its column family handles.
 */
final class RocksDBResources implements AutoCloseable {

    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    final Cache blockCache;
    final WriteBufferManager writeBufferManager;
    final BloomFilter bloomFilter;
    final StringAppendOperator mergeOperator;
    final DBOptions dbOptions;
    final ColumnFamilyOptions columnOptions;
    /** No write-ahead log: a checkpoint, not the log, is what makes state durable. */
    final WriteOptions writeOptions;
    final ReadOptions readOptions;

    RocksDBResources(MemorySize managedSize, double writeBufferRatio) {
        long budget = managedSize.getBytes();
        long writeBufferBytes = (long) (budget * writeBufferRatio);
        this.blockCache = new LRUCache(budget, -1, false, HIGH_PRIORITY_POOL_RATIO);
        this.writeBufferManager = new WriteBufferManager(writeBufferBytes, blockCache);
        this.bloomFilter = new BloomFilter(10, false);
        this.mergeOperator = new StringAppendOperator((char) org.millrace.state.KeyedSnapshotFormat.LIST_DELIMITER);
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setWriteBufferManager(writeBufferManager)
                .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                .setStatsDumpPeriodSec(0)
                .setKeepLogFileNum(2)
                .setUseFsync(false)
                // in-place memtable updates need a single memtable writer; each database has one (the task)
                .setAllowConcurrentMemtableWrite(false)
                .setAvoidFlushDuringShutdown(true);
        BlockBasedTableConfig tableConfig = new BlockBasedTableConfig()
                .setBlockCache(blockCache)
                .setBlockSize(16 * 1024)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setFilterPolicy(bloomFilter);
        this.columnOptions = new ColumnFamilyOptions()
                .setMergeOperator(mergeOperator)
                .setTableFormatConfig(tableConfig)
                // several memtables per column must fit the write buffer budget
                .setWriteBufferSize(Math.max(256 * 1024, Math.min(64L << 20, writeBufferBytes / 4)))
                .setMaxWriteBufferNumber(2)
                // Keyed state is read-modify-write: overwrite a key's value in the memtable rather than
                // stacking a version per update, so the memtable holds one entry per key. Versions in the
                // mutable memtable are then not point-in-time, and RocksDB refuses snapshots: full
                // snapshots switch the memtables out first (see RocksDBKeyedStateBackend#fullSnapshot).
                .setInplaceUpdateSupport(true)
                // a single writer: a few stripes of reader locks are plenty (each memtable creates them all)
                .setInplaceUpdateNumLocks(256);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
    }

    @Override
    public void close() {
        // users of an object first: options before the cache and manager they reference
        readOptions.close();
        writeOptions.close();
        columnOptions.close();
        dbOptions.close();
        mergeOperator.close();
        bloomFilter.close();
        writeBufferManager.close();
        blockCache.close();
    }
}
