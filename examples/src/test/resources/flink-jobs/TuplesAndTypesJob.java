import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple0;
import org.apache.flink.api.java.tuple.Tuple1;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.tuple.Tuple5;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Tuple0..Tuple5, Types (TUPLE, LIST, MAP, DOUBLE, BOOLEAN), TypeHint and TypeInformation.of as
 * the declared types of lambdas' results, carried through a network shuffle (rebalance).
 */
public class TuplesAndTypesJob {

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        TypeInformation<Tuple5<Long, String, Double, Boolean, Tuple1<Integer>>> five =
                new TypeHint<Tuple5<Long, String, Double, Boolean, Tuple1<Integer>>>() {}.getTypeInfo();
        DataStream<String> fives = env.fromSequence(0, 999)
                .map(v -> Tuple5.of(v, "s" + v, v / 4.0, v % 3 == 0, Tuple1.of((int) (v * 2))))
                .returns(five)
                .rebalance()
                .map(t -> "t5 " + t.f0 + " " + t.f1 + " " + t.f2 + " " + t.f3 + " " + t.f4.f0)
                .returns(Types.STRING);
        DataStream<String> lists = env.fromSequence(1, 300)
                .map(v -> {
                    List<Long> list = new ArrayList<>();
                    for (long i = 0; i < v % 5; i++) {
                        list.add(v * i);
                    }
                    return list;
                })
                .returns(Types.LIST(Types.LONG))
                .rebalance()
                .map(l -> "list " + l)
                .returns(Types.STRING);
        DataStream<String> maps = env.fromSequence(1, 300)
                .map(v -> {
                    Map<String, Integer> m = new HashMap<>();
                    m.put("v", (int) (long) v);
                    return m;
                })
                .returns(Types.MAP(Types.STRING, Types.INT))
                .rebalance()
                .map(m -> "map " + m.get("v"))
                .returns(Types.STRING);
        DataStream<String> threes = env.fromSequence(1, 300)
                .map(v -> new Tuple4<>(v, (int) (v % 7), "x" + v, Tuple0.INSTANCE))
                .returns(Types.TUPLE(Types.LONG, Types.INT, Types.STRING, TypeInformation.of(Tuple0.class)))
                .rebalance()
                .map(t -> Tuple3.of(t.f0, t.f1, t.f2 + t.f3.getArity()))
                .returns(new TypeHint<Tuple3<Long, Integer, String>>() {})
                .map(t -> "t3 " + t.f0 + " " + t.f1 + " " + t.f2)
                .returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = fives.union(lists, maps, threes).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
