import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Field-name aggregations on a POJO: sum("amount"), max("amount"), minBy("amount"). */
public class PojoFieldAggregationsJob {

    /** A Flink POJO: public, a public no-argument constructor, public fields. */
    public static class Sale {
        public String shop;
        public long amount;
        public int seq;

        public Sale() {}

        public Sale(String shop, long amount, int seq) {
            this.shop = shop;
            this.amount = amount;
            this.seq = seq;
        }

        @Override
        public String toString() {
            return shop + "/" + amount + "/" + seq;
        }
    }

    public static List<Sale> input() {
        List<Sale> in = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            in.add(new Sale("shop" + (i % 6), (i * 37L) % 211, i));
        }
        return in;
    }

    public static List<String> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        KeyedStream<Sale, String> keyed = env.fromData(input(), Types.POJO(Sale.class)).keyBy(s -> s.shop);
        DataStream<String> sums = keyed.sum("amount").map(s -> "sum " + s).returns(Types.STRING);
        DataStream<String> maxs = keyed.max("amount").map(s -> "max " + s).returns(Types.STRING);
        DataStream<String> minBys = keyed.minBy("amount").map(s -> "minBy " + s).returns(Types.STRING);
        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = sums.union(maxs, minBys).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }
        return results;
    }
}
