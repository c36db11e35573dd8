using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Indicators
{
    /// <summary>
    /// Drives the board's LEDs from the indications in force: each LED shows the first row of the
    /// board's LED table (<see cref="BoardProfile.Indicators"/>) whose indication is on, with that
    /// row's pattern, and is dark when none is. Writes a pin only when its level changes.
    /// </summary>
    public sealed class LedController
    {
        private readonly IDigitalOutput[] _outputs;
        private readonly bool[] _activeLow;
        private readonly IndicatorBinding[] _table;
        private readonly bool[] _lit;
        private readonly int[] _patterns;
        private long _lastSlot = -1;
        private int _lastIndications = -1;
        private int _lastCount = -1;

        public LedController(BoardProfile profile, IGpio gpio)
        {
            _table = profile.Indicators;
            int count = profile.Leds.Length;
            _outputs = new IDigitalOutput[count];
            _activeLow = new bool[count];
            _lit = new bool[count];
            _patterns = new int[count];
            for (int i = 0; i < count; i++)
            {
                _activeLow[i] = profile.Leds[i].ActiveLow;
                _outputs[i] = gpio.OpenOutput(profile.Leds[i].Pin, _activeLow[i]); // dark
            }
        }

        /// <summary>What a <see cref="LedPatterns.Counted"/> row counts (the EQ preset's number).</summary>
        public int Count { get; set; }

        /// <summary>The bit of an indication in the mask <see cref="Update"/> takes.</summary>
        public static int Bit(Indication indication)
        {
            return 1 << (int)indication;
        }

        /// <summary>The pattern LED <paramref name="led"/> shows for the indications in <paramref name="indications"/> (0: dark).</summary>
        public int PatternOf(int led, int indications)
        {
            for (int i = 0; i < _table.Length; i++)
            {
                IndicatorBinding row = _table[i];
                if (row.Led == led && (indications & Bit(row.Indication)) != 0)
                {
                    return row.Pattern == LedPatterns.Counted ? LedPatterns.Flashes(Count) : row.Pattern;
                }
            }

            return 0;
        }

        /// <summary>Drives the LEDs for <paramref name="indications"/> at <paramref name="nowMs"/>; nothing to do between slot changes.</summary>
        public void Update(long nowMs, int indications)
        {
            long slot = nowMs / LedPatterns.SlotMs;
            if (slot == _lastSlot && indications == _lastIndications && Count == _lastCount)
            {
                return; // the interpreter's time is the loop's budget: patterns change only per slot
            }

            _lastSlot = slot;
            if (indications != _lastIndications || Count != _lastCount)
            {
                // the table is walked again only when what it shows changed, not every slot
                _lastIndications = indications;
                _lastCount = Count;
                for (int led = 0; led < _outputs.Length; led++)
                {
                    _patterns[led] = PatternOf(led, indications);
                }
            }

            for (int led = 0; led < _outputs.Length; led++)
            {
                bool lit = LedPatterns.IsLit(_patterns[led], nowMs);
                if (lit != _lit[led])
                {
                    _lit[led] = lit;
                    _outputs[led].Write(lit != _activeLow[led]);
                }
            }
        }
    }
}
