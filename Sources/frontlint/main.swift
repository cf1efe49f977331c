import FrontLint
print("frontlint")
