package com.mcpportal.portal.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The small forms of the team pages. Length limits repeat the service's rules so errors show beside the field. */
final class TeamForms {

    private TeamForms() {
    }

    record TeamForm(
            @NotBlank(message = "Enter a team name.")
            @Size(max = TeamNames.MAX_LENGTH, message = "Use at most 60 characters.") String name) {

        static TeamForm empty() {
            return new TeamForm("");
        }
    }

    record AddMemberForm(
            @NotBlank(message = "Enter the username of the person to add.")
            @Size(max = 50, message = "Usernames have at most 50 characters.") String username,
            @NotNull(message = "Choose a role.") TeamRole role) {

        static AddMemberForm empty() {
            return new AddMemberForm("", TeamRole.VIEWER);
        }
    }

    record GroupMappingForm(
            @NotBlank(message = "Choose one of the sign-in providers.") String provider,
            @NotBlank(message = "Enter the group's name as the provider sends it.")
            @Size(max = GroupMemberships.MAX_GROUP_LENGTH, message = "Use at most 255 characters.") String group,
            @NotNull(message = "Choose a role.") TeamRole role) {

        static GroupMappingForm empty() {
            return new GroupMappingForm("", "", TeamRole.VIEWER);
        }
    }

    record RoleForm(@NotNull(message = "Choose a role.") TeamRole role) {
    }
}
