package org.openperf.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.query.NativeQuery;

/**
 * The values of a native engine query as named parameters ({@code #{name}}): its SQL text is the app's own
 * constants and placeholders, never a value a user sent.
 */
final class NativeSql {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** The placeholder of one value. */
    String value(String name, Object value) {
        values.put(name, value);
        return "#{" + name + "}";
    }

    /** The placeholders of a list's values, comma-separated (for an {@code in (…)}); {@code name0}, {@code name1}… */
    String list(String name, Collection<?> list) {
        List<String> marks = new ArrayList<>(list.size());
        int i = 0;
        for (Object v : list) {
            marks.add(value(name + i++, v));
        }
        return String.join(", ", marks);
    }

    /** The query with every value bound. */
    <Q extends NativeQuery<Q, ?>> Q bind(Q query) {
        values.forEach(query::parameter);
        return query;
    }
}
