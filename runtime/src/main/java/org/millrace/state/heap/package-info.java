/** The heap keyed state backend ({@code state.backend.type: hashmap}); see {@link org.millrace.state.heap.HeapKeyedStateBackend}. */
package org.millrace.state.heap;
