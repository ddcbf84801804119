package org.millrace.jobmaster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.millrace.graph.DistributionPattern;
import org.millrace.graph.ExecutionGraph;
import org.millrace.graph.ExecutionVertex;
import org.millrace.graph.ExecutionVertexID;
import org.millrace.graph.JobEdge;

/**
 * The pipelined regions of a job: sets of subtasks connected by data exchanges. Every exchange is
 * pipelined, so a failed subtask takes down everything it exchanges data with, and nothing else: a
 * region can restart from the latest checkpoint on its own while the others keep running (e.g. the
 * subtasks of a job without shuffles, or independent pipelines in one job). Immutable after
 * construction; the JobMaster's main thread.
 */
final class FailoverRegions {

    /** Region number of each subtask. */
    private final Map<ExecutionVertexID, Integer> regionOf = new HashMap<>();
    private final int numberOfRegions;

    FailoverRegions(ExecutionGraph graph) {
        List<ExecutionVertex> vertices = graph.getVerticesTopologically();
        Map<ExecutionVertexID, Integer> index = new HashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i).getId(), i);
        }
        int[] parent = new int[vertices.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<org.millrace.graph.JobVertexID, List<ExecutionVertex>> subtasksOf = new HashMap<>();
        for (ExecutionVertex v : vertices) {
            subtasksOf.computeIfAbsent(v.getJobVertex().getId(), k -> new ArrayList<>()).add(v);
        }
        for (ExecutionVertex consumer : vertices) {
            for (JobEdge in : consumer.getJobVertex().getInputs()) {
                List<ExecutionVertex> producers = subtasksOf.get(in.getSource().getId());
                if (in.getDistributionPattern() == DistributionPattern.POINTWISE) {
                    union(parent, index.get(consumer.getId()), index.get(producers.get(consumer.getSubtaskIndex()).getId()));
                } else {
                    for (ExecutionVertex producer : producers) {
                        union(parent, index.get(consumer.getId()), index.get(producer.getId()));
                    }
                }
            }
        }
        Map<Integer, Integer> numbering = new TreeMap<>();
        for (ExecutionVertex v : vertices) {
            int root = find(parent, index.get(v.getId()));
            regionOf.put(v.getId(), numbering.computeIfAbsent(root, r -> numbering.size()));
        }
        this.numberOfRegions = numbering.size();
    }

    int numberOfRegions() {
        return numberOfRegions;
    }

    int regionOf(ExecutionVertexID vertex) {
        return regionOf.get(vertex);
    }

    /** The regions of {@code vertices}. */
    Set<Integer> regionsOf(Iterable<ExecutionVertexID> vertices) {
        Set<Integer> regions = new java.util.TreeSet<>();
        vertices.forEach(v -> regions.add(regionOf(v)));
        return regions;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
