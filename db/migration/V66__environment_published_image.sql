-- The MCP server image the portal publishes itself (issue 13) becomes the third image source, and the default for new
-- environments (set by the application). Existing environments keep their REPOSITORY or URI choice unchanged.
ALTER TABLE environment DROP CONSTRAINT environment_image_source_check;
ALTER TABLE environment ADD CONSTRAINT environment_image_source_check
    CHECK (image_source IN ('PUBLISHED', 'REPOSITORY', 'URI'));
