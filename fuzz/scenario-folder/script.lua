-- The helper script fuzzed scenarios can name with "script": "script.lua".
function clamp(x, low, high)
  if x < low then return low end
  if x > high then return high end
  return x
end

function said(count)
  return count > 0 and "again" or "first"
end
