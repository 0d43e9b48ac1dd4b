package com.mcpportal.portal.notification;

/** A channel did not take a message; the message says why in words fit for the page (never a URL or secret). */
class DeliveryFailure extends Exception {

    DeliveryFailure(String message) {
        super(message, null, false, false);
    }
}
