/**
 * Shared web pieces every feature uses: the error page and its exceptions ({@code NotFoundException},
 * {@code InvalidInputException} …), flash messages and display formats. Depends on no feature.
 */
@NullMarked
package com.mcpportal.portal.web;

import org.jspecify.annotations.NullMarked;
