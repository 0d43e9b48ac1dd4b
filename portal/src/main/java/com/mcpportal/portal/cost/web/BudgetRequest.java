package com.mcpportal.portal.cost.web;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

import com.mcpportal.portal.web.InvalidInputException;

/**
 * The body of {@code PUT /api/v1/teams/{teamId}/budget}: {@code {"monthlyUsd": "250.00"}} (a JSON number works too).
 * Kept as a JSON node so that an amount that is not a number is a 422 naming the field, not an unreadable body.
 */
record BudgetRequest(JsonNode monthlyUsd) {

    /**
     * The amount in USD a month.
     *
     * @throws InvalidInputException (field {@code monthlyUsd}) when it is missing or not a decimal amount
     */
    BigDecimal amount() {
        if (monthlyUsd == null || monthlyUsd.isNull()) {
            throw new InvalidInputException("monthlyUsd", "Give the budget in dollars a month, e.g. \"250.00\";"
                    + " DELETE the budget to remove it.");
        }
        try {
            if (monthlyUsd.isNumber()) {
                return monthlyUsd.decimalValue();
            }
            if (monthlyUsd.isString()) {
                return new BigDecimal(monthlyUsd.stringValue().trim());
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw new InvalidInputException("monthlyUsd",
                "Give the amount as a decimal number of dollars, e.g. \"250.00\".");
    }
}
