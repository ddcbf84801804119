package org.millrace.graph;

/**
 * Which producer subtasks feed which consumer subtasks. POINTWISE (forward) connects subtask i to
 * subtask i and needs equal parallelism; ALL_TO_ALL connects every producer to every consumer
 * (hash, rebalance, shuffle, broadcast).
 */
public enum DistributionPattern {
    POINTWISE,
    ALL_TO_ALL
}
