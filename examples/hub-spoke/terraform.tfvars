prefix = "contoso"

spokes = {
  app = {
    address_space = "10.1.0.0/16"
    subnets       = { "snet-web" = 1, "snet-data" = 2 }
  }
}
