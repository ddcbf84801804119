package org.millrace.state;

import java.util.Iterator;
import java.util.Map;

/** Key and value views over a map state's entry iterator, shared by both backends. Stateless; the iterators it makes belong to the task's thread. */
public final class MapStateIterators {

    private MapStateIterators() {}

    public static <UK, UV> Iterator<UK> keys(Iterator<Map.Entry<UK, UV>> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public UK next() {
                return entries.next().getKey();
            }

            @Override
            public void remove() {
                entries.remove();
            }
        };
    }

    public static <UK, UV> Iterator<UV> values(Iterator<Map.Entry<UK, UV>> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public UV next() {
                return entries.next().getValue();
            }

            @Override
            public void remove() {
                entries.remove();
            }
        };
    }
}
