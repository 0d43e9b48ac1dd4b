package com.mcpportal.portal.cost.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The price snapshot bundled in the portal's resources: the offline and simulated-mode source, and the last fallback. */
public final class SnapshotPriceCatalog implements PriceCatalog {

    public static final String RESOURCE = "/cost/price-snapshot.json";

    private final LocalDate asOf;
    private final String source;
    private final List<String> notes;
    private final Map<PriceKey, Price> prices;

    private SnapshotPriceCatalog(LocalDate asOf, String source, List<String> notes, Map<PriceKey, Price> prices) {
        this.asOf = asOf;
        this.source = source;
        this.notes = List.copyOf(notes);
        this.prices = Map.copyOf(prices);
    }

    /** Loads the bundled snapshot; a missing or malformed file is a build error, so it fails loudly. */
    public static SnapshotPriceCatalog bundled() {
        try (InputStream in = SnapshotPriceCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The price snapshot " + RESOURCE + " is missing from the classpath");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price snapshot " + RESOURCE, e);
        }
    }

    static SnapshotPriceCatalog parse(JsonNode root) {
        LocalDate asOf = LocalDate.parse(root.path("asOf").asString());
        List<String> notes = new ArrayList<>();
        root.path("notes").values().forEach(note -> notes.add(note.asString()));
        Map<PriceKey, Price> prices = new HashMap<>();
        for (JsonNode entry : root.path("prices").values()) {
            PriceKey key = new PriceKey(entry.path("region").asString(),
                    PriceComponent.valueOf(entry.path("component").asString()), entry.path("variant").asString(""));
            Price price = new Price(key, new BigDecimal(entry.path("usd").asString()), PriceOrigin.SNAPSHOT, asOf,
                    entry.path("checked").asBoolean(false), entry.path("note").asString(""));
            if (prices.put(key, price) != null) {
                throw new IllegalStateException("The price snapshot lists " + key + " twice");
            }
        }
        return new SnapshotPriceCatalog(asOf, root.path("source").asString(), notes, prices);
    }

    @Override
    public Optional<Price> find(PriceKey key) {
        return Optional.ofNullable(prices.get(key));
    }

    @Override
    public String describe() {
        return "bundled price snapshot of " + asOf;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public String source() {
        return source;
    }

    public List<String> notes() {
        return notes;
    }

    public List<Price> prices() {
        return List.copyOf(prices.values());
    }
}
