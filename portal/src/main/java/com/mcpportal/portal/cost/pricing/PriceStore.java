package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The price cache tables: Pricing API prices by region/component/variant, and the latest spot prices. */
@Repository
public class PriceStore {

    /** A spot price read from EC2's price history, with when it was read. */
    public record SpotQuote(String region, String instanceType, BigDecimal usdPerHour, Instant fetchedAt) {
    }

    private final JdbcTemplate jdbc;

    PriceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Price> prices() {
        return jdbc.query("SELECT region, component, variant, usd_per_unit, source, as_of, note FROM price",
                (rs, row) -> new Price(new PriceKey(rs.getString("region"),
                        PriceComponent.valueOf(rs.getString("component")), rs.getString("variant")),
                        rs.getBigDecimal("usd_per_unit"), PriceOrigin.valueOf(rs.getString("source")),
                        rs.getObject("as_of", LocalDate.class), true, rs.getString("note")));
    }

    /** Inserts or replaces every price in one transaction: a region's refresh lands whole or not at all. */
    @Transactional
    public void save(Collection<Price> prices, Instant fetchedAt) {
        for (Price price : prices) {
            jdbc.update("""
                    INSERT INTO price (region, component, variant, usd_per_unit, source, as_of, fetched_at, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (region, component, variant) DO UPDATE SET usd_per_unit = EXCLUDED.usd_per_unit,
                        source = EXCLUDED.source, as_of = EXCLUDED.as_of, fetched_at = EXCLUDED.fetched_at,
                        note = EXCLUDED.note
                    """, price.key().region(), price.key().component().name(), price.key().variant(),
                    price.usdPerUnit(), price.origin().name(), price.asOf(), Timestamp.from(fetchedAt),
                    truncate(price.note(), 300));
        }
    }

    @Transactional
    void saveSpot(Collection<SpotQuote> quotes) {
        for (SpotQuote quote : quotes) {
            jdbc.update("""
                    INSERT INTO spot_price (region, instance_type, usd_per_hour, fetched_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (region, instance_type) DO UPDATE SET usd_per_hour = EXCLUDED.usd_per_hour,
                        fetched_at = EXCLUDED.fetched_at
                    """, quote.region(), quote.instanceType(), quote.usdPerHour(), Timestamp.from(quote.fetchedAt()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<SpotQuote> spot(String region, String instanceType) {
        return jdbc.query("SELECT usd_per_hour, fetched_at FROM spot_price WHERE region = ? AND instance_type = ?",
                (rs, row) -> new SpotQuote(region, instanceType, rs.getBigDecimal(1), rs.getTimestamp(2).toInstant()),
                region, instanceType).stream().findFirst();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
