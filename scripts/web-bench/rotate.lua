-- wrk script: each request asks for the next path of the file named by $PATHS_FILE, in turn.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local index = 0
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
