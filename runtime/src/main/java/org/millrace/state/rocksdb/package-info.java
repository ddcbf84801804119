/** The embedded RocksDB keyed state backend ({@code state.backend.type: rocksdb}); see {@link org.millrace.state.rocksdb.RocksDBKeyedStateBackend}. */
package org.millrace.state.rocksdb;
