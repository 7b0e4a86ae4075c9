print("propbot")
