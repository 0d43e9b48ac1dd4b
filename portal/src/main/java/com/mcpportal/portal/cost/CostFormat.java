package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Money and quantities as the cost pages write them: {@code ${@costFormat.usd(row.monthlyUsd())}} gives "$2.64". */
@Component("costFormat")
public class CostFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Dollars and cents with thousands separators: "$1,234.56"; a dash for no figure. */
    public String usd(BigDecimal amount) {
        return amount == null ? "—" : "$" + pattern("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A unit price exactly as AWS lists it, at least to the cent: "$0.03238", "$0.000001", "$0.50". */
    public String rate(BigDecimal usd) {
        BigDecimal plain = usd.stripTrailingZeros();
        return "$" + (plain.scale() < 2 ? usd.setScale(2, RoundingMode.UNNECESSARY) : plain).toPlainString();
    }

    /** A quantity to two decimals at most: "260.89", "100,000", "0.5". */
    public String quantity(BigDecimal value) {
        return pattern("#,##0.##").format(value.setScale(2, RoundingMode.HALF_UP));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String usdText(BigDecimal amount) {
        return new CostFormat().usd(amount);
    }

    static String timeText(Instant instant) {
        return new CostFormat().time(instant);
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
