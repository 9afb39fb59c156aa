namespace MarginRules.Language { }
