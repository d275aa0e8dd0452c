package id.lintas.contracts.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * All provinces and regencies/cities with Kemendagri and BPS 2014 codes and names, loaded once
 * from {@code regions/regions.csv}. Immutable and thread-safe.
 */
public final class RegionTable {

    private static final Pattern PUNCTUATION = Pattern.compile("[^A-Z0-9 ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CITY_PREFIX = Pattern.compile("^KOTA( ADMINISTRASI| ADM)? ");
    private static final Pattern REGENCY_PREFIX = Pattern.compile("^(KABUPATEN|KAB)( ADMINISTRASI| ADM)? ");

    private static volatile RegionTable standard;

    private final Map<String, Region> byKemendagri = new HashMap<>();
    private final Map<String, Region> byCompact = new HashMap<>();
    private final Map<String, Region> byBps = new HashMap<>();
    private final Map<String, List<Region>> byBareName = new HashMap<>();
    private final Map<String, Region> byAlias = new HashMap<>();

    private RegionTable(List<Region> regions, Map<String, String> aliases) {
        for (Region r : regions) {
            byKemendagri.put(r.kemendagri(), r);
            byCompact.put(r.kemendagriCompact(), r);
            if (r.bps() != null) {
                byBps.put(r.bps(), r);
            }
            if (!r.isProvince()) {
                byBareName
                        .computeIfAbsent(bare(normalise(r.name())), k -> new ArrayList<>())
                        .add(r);
            }
        }
        aliases.forEach((alias, code) -> byAlias.put(normalise(alias), byKemendagri.get(code)));
    }

    /** The table shipped with the product. */
    public static RegionTable standard() {
        RegionTable table = standard;
        if (table == null) {
            synchronized (RegionTable.class) {
                if (standard == null) {
                    standard = load();
                }
                table = standard;
            }
        }
        return table;
    }

    private static RegionTable load() {
        List<Region> regions = new ArrayList<>();
        for (String[] row : readCsv("regions/regions.csv")) {
            regions.add(new Region(row[0], row[1], row[2], emptyToNull(row[3]), row[4], emptyToNull(row[5])));
        }
        Map<String, String> aliases = new HashMap<>();
        for (String[] row : readCsv("regions/aliases.csv")) {
            aliases.put(row[0], row[1]);
        }
        return new RegionTable(regions, aliases);
    }

    /** Every province and regency/city, in Kemendagri code order. */
    public List<Region> all() {
        return byKemendagri.values().stream()
                .sorted(java.util.Comparator.comparing(Region::kemendagri))
                .toList();
    }

    /** By dotted Kemendagri code ({@code 64.02}). */
    public Optional<Region> byKemendagri(String code) {
        return Optional.ofNullable(code == null ? null : byKemendagri.get(code.trim()));
    }

    /** By Kemendagri code without dots ({@code 6402}). */
    public Optional<Region> byKemendagriCompact(String code) {
        return Optional.ofNullable(code == null ? null : byCompact.get(code.trim()));
    }

    /** By BPS 2014 code ({@code 6403}). */
    public Optional<Region> byBps(String code) {
        return Optional.ofNullable(code == null ? null : byBps.get(code.trim()));
    }

    /**
     * Regencies/cities whose name matches a name as an operator types it: case, dots and the
     * prefixes {@code Kab.}/{@code Kabupaten}/{@code Kota} may vary, and known abbreviations
     * ({@code PPU}) are accepted. A prefix, when given, keeps kabupaten and kota apart. The caller
     * decides what zero or several matches mean.
     */
    public List<Region> byName(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String name = normalise(typed);
        Region alias = byAlias.get(name);
        if (alias != null) {
            return List.of(alias);
        }
        boolean city = CITY_PREFIX.matcher(name).find();
        boolean regency = REGENCY_PREFIX.matcher(name).find();
        List<Region> candidates = byBareName.getOrDefault(bare(name), List.of());
        return candidates.stream()
                .filter(r -> !city || r.isCity())
                .filter(r -> !regency || !r.isCity())
                .toList();
    }

    private static String normalise(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('.', ' ');
        upper = PUNCTUATION.matcher(upper).replaceAll(" ");
        return SPACES.matcher(upper).replaceAll(" ").trim();
    }

    private static String bare(String normalised) {
        String withoutCity = CITY_PREFIX.matcher(normalised).replaceFirst("");
        return REGENCY_PREFIX.matcher(withoutCity).replaceFirst("");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Reads a simple CSV without quoted fields (the shipped tables have none), header skipped. */
    private static List<String[]> readCsv(String resource) {
        InputStream in = RegionTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
