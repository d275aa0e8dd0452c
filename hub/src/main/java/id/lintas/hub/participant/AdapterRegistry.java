package id.lintas.hub.participant;

import id.lintas.contracts.spi.RegionAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The adapters on the classpath, found through the SPI; adding a region needs no hub code. */
@Component
public class AdapterRegistry {

    private final Map<String, RegionAdapter> byFormat = new HashMap<>();

    public AdapterRegistry() {
        for (RegionAdapter adapter : ServiceLoader.load(RegionAdapter.class)) {
            RegionAdapter previous = byFormat.put(adapter.format(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two adapters for format " + adapter.format());
            }
        }
    }

    public Optional<RegionAdapter> forFormat(String format) {
        return format == null ? Optional.empty() : Optional.ofNullable(byFormat.get(format));
    }

    /** The formats the hub can speak, sorted. */
    public Set<String> formats() {
        return new TreeSet<>(byFormat.keySet());
    }
}
