variable "location" {
  type    = string
  default = "westeurope"
}

variable "prefix" {
  type = string
}

variable "hub_address_space" {
  type    = string
  default = "10.0.0.0/16"
}

variable "spokes" {
  description = "Spoke networks and their subnets."
  type = map(object({
    address_space = string
    subnets       = map(number)
  }))
}
