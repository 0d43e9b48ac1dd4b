package com.mcpportal.portal.cloud.aws.fake;

/** Fragments of EC2's XML answers (API version 2016-11-15), for {@link AwsFake#ec2Ok}. */
public final class Ec2Xml {

    private Ec2Xml() {
    }

    /** {@code <name><item>…</item>…</name>}: EC2's list shape. */
    public static String set(String name, String... items) {
        return "<" + name + ">" + String.join("", items) + "</" + name + ">";
    }

    public static String vpc(String id, String cidr) {
        return "<item><vpcId>" + id + "</vpcId><state>available</state><cidrBlock>" + cidr
                + "</cidrBlock><isDefault>false</isDefault></item>";
    }

    public static String subnet(String id, String vpcId, String cidr, String zone) {
        return subnet(id, vpcId, cidr, zone, null);
    }

    /** A subnet tagged as the environment's {@code public-subnet} or {@code private-subnet} (null: untagged). */
    public static String subnet(String id, String vpcId, String cidr, String zone, String component) {
        return "<item><subnetId>" + id + "</subnetId><vpcId>" + vpcId + "</vpcId><cidrBlock>" + cidr
                + "</cidrBlock><availabilityZone>" + zone + "</availabilityZone><state>available</state>"
                + component(component) + "</item>";
    }

    public static String internetGateway(String id, String attachedVpcId) {
        String attachments = attachedVpcId == null ? "<attachmentSet/>"
                : set("attachmentSet", "<item><vpcId>" + attachedVpcId + "</vpcId><state>available</state></item>");
        return "<item><internetGatewayId>" + id + "</internetGatewayId>" + attachments + "</item>";
    }

    public static String routeTable(String id, String vpcId, String routes, String associations) {
        return routeTable(id, vpcId, routes, associations, null);
    }

    /** A route table tagged as the environment's {@code public-route-table} or {@code private-route-table}. */
    public static String routeTable(String id, String vpcId, String routes, String associations, String component) {
        return "<item><routeTableId>" + id + "</routeTableId><vpcId>" + vpcId + "</vpcId>"
                + set("routeSet", routes) + set("associationSet", associations) + component(component) + "</item>";
    }

    /** The environment's tags on a resource of the given component (env1's), or none. */
    private static String component(String component) {
        return component == null ? "" : set("tagSet",
                "<item><key>mcp-portal:environment-id</key><value>env1</value></item>",
                "<item><key>mcp-portal:component</key><value>" + component + "</value></item>");
    }

    /** A route to an internet gateway ({@code igw-…}) or a network interface ({@code eni-…}). */
    public static String route(String destination, String target) {
        String targetElement = target.startsWith("eni-") ? "<networkInterfaceId>" + target + "</networkInterfaceId>"
                : "<gatewayId>" + target + "</gatewayId>";
        return "<item><destinationCidrBlock>" + destination + "</destinationCidrBlock>" + targetElement
                + "<state>active</state></item>";
    }

    public static String association(String id, String routeTableId, String subnetId) {
        return "<item><routeTableAssociationId>" + id + "</routeTableAssociationId><routeTableId>" + routeTableId
                + "</routeTableId><subnetId>" + subnetId + "</subnetId><main>false</main></item>";
    }

    /** A security group with one ingress rule ({@code protocol} {@code -1} means all traffic). */
    public static String securityGroup(String id, String vpcId, String protocol, Integer port, String cidr) {
        String ports = port == null ? "" : "<fromPort>" + port + "</fromPort><toPort>" + port + "</toPort>";
        return "<item><groupId>" + id + "</groupId><groupName>" + id + "</groupName><vpcId>" + vpcId + "</vpcId>"
                + set("ipPermissions", "<item><ipProtocol>" + protocol + "</ipProtocol>" + ports
                        + set("ipRanges", "<item><cidrIp>" + cidr + "</cidrIp></item>") + "</item>")
                + "</item>";
    }

    public static String instance(String id, String state, boolean sourceDestCheck, String eni) {
        return "<item><instanceId>" + id + "</instanceId><imageId>ami-0minimal</imageId><instanceState><code>"
                + stateCode(state) + "</code><name>" + state + "</name></instanceState>"
                + "<instanceType>t4g.nano</instanceType><sourceDestCheck>" + sourceDestCheck + "</sourceDestCheck>"
                + "<ipAddress>198.51.100.7</ipAddress>"
                + set("networkInterfaceSet", "<item><networkInterfaceId>" + eni
                        + "</networkInterfaceId><attachment><deviceIndex>0</deviceIndex></attachment></item>")
                + "</item>";
    }

    /**
     * A NAT instance as DescribeInstances describes it in full: its image and launch time, the environment's public
     * subnet and NAT group on its primary interface, IMDSv2, a root volume, and spot details when {@code spot}.
     */
    public static String natInstance(String id, String state, String imageId, String eni, String type,
            String architecture, boolean spot, boolean sourceDestCheck, String launchTime) {
        String group = set("groupSet", "<item><groupId>" + EmptyAccount.NAT_GROUP + "</groupId><groupName>nat"
                + "</groupName></item>");
        return "<item><instanceId>" + id + "</instanceId><imageId>" + imageId + "</imageId><instanceState><code>"
                + stateCode(state) + "</code><name>" + state + "</name></instanceState><instanceType>" + type
                + "</instanceType><launchTime>" + launchTime + "</launchTime><subnetId>" + EmptyAccount.PUBLIC_SUBNET
                + "</subnetId><vpcId>" + EmptyAccount.VPC + "</vpcId><sourceDestCheck>" + sourceDestCheck
                + "</sourceDestCheck>" + group + "<architecture>" + architecture + "</architecture>"
                + "<rootDeviceName>/dev/xvda</rootDeviceName>" + set("blockDeviceMapping", "<item><deviceName>"
                + "/dev/xvda</deviceName><ebs><volumeId>vol-" + id + "</volumeId><status>attached</status>"
                + "<deleteOnTermination>true</deleteOnTermination></ebs></item>")
                + (spot ? "<instanceLifecycle>spot</instanceLifecycle><spotInstanceRequestId>sir-" + id
                        + "</spotInstanceRequestId>" : "")
                + set("networkInterfaceSet", "<item><networkInterfaceId>" + eni + "</networkInterfaceId><subnetId>"
                        + EmptyAccount.PUBLIC_SUBNET + "</subnetId>" + group
                        + "<attachment><deviceIndex>0</deviceIndex></attachment></item>")
                + "<metadataOptions><state>applied</state><httpTokens>required</httpTokens></metadataOptions>"
                + "</item>";
    }

    public static String reservations(String... instances) {
        return set("reservationSet", instances.length == 0 ? ""
                : "<item><reservationId>r-0fake</reservationId>" + set("instancesSet", instances) + "</item>");
    }

    public static String stateChange(String instanceId, String current, String previous) {
        return set("instancesSet", "<item><instanceId>" + instanceId + "</instanceId><currentState><code>"
                + stateCode(current) + "</code><name>" + current + "</name></currentState><previousState><code>"
                + stateCode(previous) + "</code><name>" + previous + "</name></previousState></item>");
    }

    public static String ok() {
        return "<return>true</return>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int stateCode(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
    }
}
