package io.ocppsec.core.cert.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A thread-safe least-recently-used map with a fixed capacity. Small and lock-based on purpose: entries are
 * looked up once per validation, far less often than the work they save.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> map;

    /**
     * @param capacity the maximum number of entries; 0 disables the cache
     */
    public BoundedCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /**
     * @param key a key
     * @return the value, if cached
     */
    public synchronized Optional<V> get(K key) {
        return Optional.ofNullable(map.get(key));
    }

    /**
     * @param key a key
     * @param value its value
     */
    public synchronized void put(K key, V value) {
        if (capacity > 0) {
            map.put(key, value);
        }
    }

    /** @param key a key to forget */
    public synchronized void remove(K key) {
        map.remove(key);
    }

    /** @return the number of entries */
    public synchronized int size() {
        return map.size();
    }

    /** @return the capacity */
    public int capacity() {
        return capacity;
    }
}
