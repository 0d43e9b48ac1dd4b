package com.mcpportal.portal.cloud.account;

import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a cloud account's settings may be; each refusal names its field. */
class CloudAccountRulesTests {

    private static final String ROLE = "arn:aws:iam::123456789012:role/mcp-portal";

    @Test
    void anAwsAccountWithOrWithoutARoleIsValid() {
        assertThatCode(() -> CloudAccounts.validate(aws(null, null, null, null))).doesNotThrowAnyException();
        assertThatCode(() -> CloudAccounts.validate(aws(ROLE, "ext-id-42", ROLE + "-exec", ROLE + "-task")))
                .doesNotThrowAnyException();
        assertThatCode(() -> CloudAccounts.validate(new CloudAccountSettings("cn", CloudAccountMode.AWS,
                "cn-north-1", "arn:aws-cn:iam::123456789012:role/x", null, null, null))).doesNotThrowAnyException();
    }

    @Test
    void mistakesAreNamedBesideTheirField() {
        assertRejected(aws("arn:aws:iam::12:role/x", null, null, null), "roleArn", "IAM role ARN");
        assertRejected(aws(null, "ext-id", null, null), "externalId", "enter the role ARN too");
        assertRejected(aws(ROLE, "x", null, null), "externalId", "2 to 1224");
        assertRejected(aws(null, null, ROLE, null), "taskRoleArn", "both");
        assertRejected(new CloudAccountSettings("a", CloudAccountMode.AWS, "europe", null, null, null, null),
                "defaultRegion", "not an AWS region code");
        assertRejected(new CloudAccountSettings("sim", CloudAccountMode.SIMULATED, "eu-central-1", ROLE, null, null,
                null), "roleArn", "simulated account has no roles");
    }

    @Test
    void blankOptionalValuesAreNull() {
        CloudAccountSettings settings = new CloudAccountSettings(" prod ", CloudAccountMode.AWS, " eu-west-1 ", " ",
                "", null, "  ");
        assertThat(settings.name()).isEqualTo("prod");
        assertThat(settings.roleArn()).isNull();
        assertThat(settings.externalId()).isNull();
        assertThat(settings.taskRoleArn()).isNull();
    }

    private static CloudAccountSettings aws(String role, String externalId, String execution, String task) {
        return new CloudAccountSettings("prod", CloudAccountMode.AWS, "eu-central-1", role, externalId, execution,
                task);
    }

    private static void assertRejected(CloudAccountSettings settings, String field, String message) {
        assertThatThrownBy(() -> CloudAccounts.validate(settings)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
