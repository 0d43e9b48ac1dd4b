package com.mcpportal.portal.apikey;

import java.util.List;

import com.mcpportal.portal.security.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the keys the rotation job made and no owner has seen yet into every page of their teams' owners as
 * {@code rotatedKeys}; the layout shows them as a banner with a button that shows the key once.
 */
@ControllerAdvice
class RotatedKeyBannerAdvice {

    // A provider: controller slice tests load every advice but no repositories; there the banner is empty.
    private final ObjectProvider<RotatedKeyRevealRepository> reveals;

    RotatedKeyBannerAdvice(ObjectProvider<RotatedKeyRevealRepository> reveals) {
        this.reveals = reveals;
    }

    @ModelAttribute("rotatedKeys")
    List<RotatedKeyRevealRepository.Waiting> rotatedKeys() {
        RotatedKeyRevealRepository repository = reveals.getIfAvailable();
        return repository == null ? List.of()
                : CurrentUser.find().map(user -> repository.findWaitingForOwner(user.id())).orElse(List.of());
    }
}
