# Writes Jane Austen's six novels from the Debian package r-cran-janeaustenr (public domain) as UTF-8 text,
# one file per novel, into the directory given as the first argument.
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
library(janeaustenr)
books <- list(
  sensesensibility = sensesensibility, prideprejudice = prideprejudice, mansfieldpark = mansfieldpark,
  emma = emma, northangerabbey = northangerabbey, persuasion = persuasion)
for (name in names(books)) {
  con <- file(file.path(out, paste0(name, ".txt")), open = "w", encoding = "UTF-8")
  writeLines(enc2utf8(books[[name]]), con)
  close(con)
}
