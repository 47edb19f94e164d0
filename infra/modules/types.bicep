// Types shared by main.bicep and the modules.

@export()
@description('Resource tags: tag name to tag value.')
type tagMap = {
  *: string
}
