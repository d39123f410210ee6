-- Helper functions for the tutorial. The scenario's variables are globals here,
-- so conditions, effects and on_enter can all call these.

-- Thida is calm enough to go on with questions.
function calm_enough()
  return distress <= 1
end

-- Time passes in the conversation (used by on_enter).
function tick(n)
  minutes = minutes + n
end
