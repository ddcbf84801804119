package org.millrace.types.serializers;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A hand-written equivalent of an Avro-generated specific record class, for the Avro tests. */
public class TestingAvroEvent extends SpecificRecordBase {

    private static final long serialVersionUID = 1L;

    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"TestingAvroEvent\","
            + "\"namespace\":\"org.millrace.types.serializers\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"name\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
            + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"avro.java.string\":\"String\"}}},"
            + "{\"name\":\"score\",\"type\":[\"null\",\"double\"],\"default\":null}]}");

    public long id;
    public String name;
    public List<String> tags;
    public Double score;

    public TestingAvroEvent() {}

    public TestingAvroEvent(long id, String name, List<String> tags, Double score) {
        this.id = id;
        this.name = name;
        this.tags = tags;
        this.score = score;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        switch (field) {
            case 0:
                return id;
            case 1:
                return name;
            case 2:
                return tags;
            case 3:
                return score;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(field));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void put(int field, Object value) {
        switch (field) {
            case 0:
                id = (Long) value;
                break;
            case 1:
                name = (String) value;
                break;
            case 2:
                tags = (List<String>) value;
                break;
            case 3:
                score = (Double) value;
                break;
            default:
                throw new IndexOutOfBoundsException(String.valueOf(field));
        }
    }
}
