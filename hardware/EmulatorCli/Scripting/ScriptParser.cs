using System;
using System.Collections.Generic;
using System.Globalization;

namespace InterfaceFirmware.EmulatorCli.Scripting
{
    /// <summary>A script line that cannot be run, with its line number (shown without a stack trace).</summary>
    public sealed class ScriptException : Exception
    {
        public ScriptException(int line, string message)
            : base("line " + line + ": " + message)
        {
            Line = line;
        }

        /// <summary>A line that parsed but that the board could not carry out.</summary>
        public ScriptException(int line, string command, string message)
            : base("line " + line + " (" + command + "): " + message)
        {
            Line = line;
        }

        public int Line { get; }
    }

    /// <summary>The names a script may use on one board: its buttons, jacks and inputs.</summary>
    public sealed class ScriptVocabulary
    {
        public string Board { get; init; }

        public string[] Buttons { get; init; }

        public string[] Jacks { get; init; }

        public string[] Inputs { get; init; }

        public bool HasUsbBridge { get; init; }

        /// <summary>The chips on the bus by name (lower case: <c>wm8960</c>, <c>es8388</c>, <c>tpa6130a2</c>, and <c>codec</c>, <c>amplifier</c>), with their addresses.</summary>
        public IReadOnlyDictionary<string, int> Chips { get; init; }

        public bool HasAmplifier { get; init; }
    }

    /// <summary>
    /// Reads the session script language (README: "Session scripts"): one command per line, each
    /// starting with a virtual time (<c>1.5s</c>, <c>250ms</c>; <c>+200ms</c> after the line
    /// before), <c>#</c> comments. Names are checked against the board, so a typo is reported
    /// with its line number before anything runs.
    /// </summary>
    public static class ScriptParser
    {
        /// <summary>How long <c>press</c> holds a button when no duration is given.</summary>
        public const int DefaultPressMs = 100;

        /// <summary>The default tolerance of <c>expect level</c>.</summary>
        public const double DefaultWithinDb = 0.05;

        /// <summary>The default tolerance of <c>expect heard</c> (a measurement of the audio, not a setting).</summary>
        public const double DefaultHeardWithinDb = 0.5;

        public static ScriptStep[] Parse(string text, ScriptVocabulary vocabulary)
        {
            var steps = new List<ScriptStep>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            long previousMs = 0;
            bool ended = false;
            for (int i = 0; i < lines.Length; i++)
            {
                int number = i + 1;
                string line = lines[i];
                int hash = line.IndexOf('#');
                if (hash >= 0)
                {
                    line = line.Substring(0, hash);
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (ended)
                {
                    throw new ScriptException(number, "nothing may follow 'end'");
                }

                string[] words = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
                long timeMs = ParseTime(words[0], previousMs, number);
                if (words.Length < 2)
                {
                    throw new ScriptException(number, "a command must follow the time '" + words[0] + "'");
                }

                var reader = new LineReader(number, line, words, vocabulary);
                ScriptStep step = ParseCommand(reader, timeMs);
                steps.Add(step);
                previousMs = timeMs;
                ended = step.Verb == Verb.End;
            }

            return steps.ToArray();
        }

        /// <summary>A duration: <c>250ms</c>, <c>1.5s</c>.</summary>
        public static bool TryParseDuration(string word, out long ms)
        {
            ms = 0;
            double scale;
            string number;
            if (word.EndsWith("ms", StringComparison.Ordinal))
            {
                scale = 1;
                number = word.Substring(0, word.Length - 2);
            }
            else if (word.EndsWith("s", StringComparison.Ordinal))
            {
                scale = 1000;
                number = word.Substring(0, word.Length - 1);
            }
            else
            {
                return false;
            }

            if (number.Length == 0 || number[0] == '-' || number[0] == '+'
                || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
            {
                return false;
            }

            ms = (long)Math.Round(value * scale);
            return true;
        }

        private static long ParseTime(string word, long previousMs, int line)
        {
            bool relative = word.StartsWith("+", StringComparison.Ordinal);
            if (!TryParseDuration(relative ? word.Substring(1) : word, out long ms))
            {
                throw new ScriptException(line, "'" + word + "' is not a time: a line starts with one, like 1.5s, 250ms or +200ms");
            }

            long timeMs = relative ? previousMs + ms : ms;
            if (timeMs < previousMs)
            {
                throw new ScriptException(line, word + " is before the line above (" + Stamp(previousMs) + "): times never go back");
            }

            return timeMs;
        }

        private static string Stamp(long ms)
        {
            return (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        private static ScriptStep ParseCommand(LineReader r, long timeMs)
        {
            string verb = r.Word("a command");
            switch (verb)
            {
                case "say":
                    return r.Step(timeMs, Verb.Say, name: r.Rest());
                case "boot":
                    r.NoMore();
                    return r.Step(timeMs, Verb.Boot);
                case "end":
                    r.NoMore();
                    return r.Step(timeMs, Verb.End);
                case "press":
                {
                    string button = r.Button();
                    long hold = DefaultPressMs;
                    if (r.HasMore)
                    {
                        r.Keyword("for");
                        hold = r.Duration();
                    }

                    r.NoMore();
                    return r.Step(timeMs, Verb.Press, name: button, value: hold);
                }

                case "hold":
                {
                    string button = r.Button();
                    long hold = r.Duration();
                    r.NoMore();
                    return r.Step(timeMs, Verb.Press, name: button, value: hold);
                }

                case "double":
                {
                    string button = r.Button();
                    r.NoMore();
                    return r.Step(timeMs, Verb.Double, name: button);
                }

                case "usb":
                    return ParseUsb(r, timeMs);
                case "power":
                {
                    string source = r.OneOf("a power source", "computer", "bank", "charger", "cut", "on");
                    r.NoMore();
                    return r.Step(timeMs, Verb.Power, name: source);
                }

                case "input":
                {
                    string input = r.Input();
                    SignalSpec signal = r.Signal();
                    return r.Step(timeMs, Verb.Input, name: input, signal: signal);
                }

                case "playback":
                    return r.Step(timeMs, Verb.Playback, signal: r.Signal());
                case "plug":
                case "unplug":
                {
                    string jack = r.Jack();
                    r.NoMore();
                    return r.Step(timeMs, verb == "plug" ? Verb.Plug : Verb.Unplug, name: jack);
                }

                case "fault":
                    return ParseFault(r, timeMs);

                case "expect":
                    return ParseExpect(r, timeMs);
                case "eq":
                {
                    // eq load FILE [slot 1|2]: a device EQ preset (what eq import writes) into the
                    // board's preset store, read by the firmware at its next start.
                    r.Keyword("load");
                    string file = r.Word("a preset file (what eq import writes)");
                    long slot = 1;
                    if (r.HasMore)
                    {
                        r.Keyword("slot");
                        slot = r.OneOf("a slot", "1", "2") == "1" ? 1 : 2;
                    }

                    r.NoMore();
                    return r.Step(timeMs, Verb.EqLoad, name: file, value: slot);
                }

                default:
                    throw r.Error("unknown command '" + verb + "' (commands: say, boot, press, hold, double, usb, power, input, playback, plug, unplug, fault, eq, expect, end)");
            }
        }

        // fault ADDRESS|CHIP nack|absent DURATION, fault brownout CHIP, fault thermal DURATION
        private static ScriptStep ParseFault(LineReader r, long timeMs)
        {
            string first = r.Word("a chip (its I2C address like 0x1A, or its name), brownout or thermal");
            if (first == "brownout")
            {
                int chip = r.Chip();
                r.NoMore();
                return r.Step(timeMs, Verb.Fault, name: "brownout", address: chip);
            }

            if (first == "thermal")
            {
                if (!r.Vocabulary.HasAmplifier)
                {
                    throw r.Error("the " + r.Vocabulary.Board + " board has no headphone amplifier to overheat");
                }

                long hot = r.Duration();
                r.NoMore();
                return r.Step(timeMs, Verb.Fault, name: "thermal", value: hot);
            }

            if (!r.Vocabulary.Chips.TryGetValue(first.ToLowerInvariant(), out int address))
            {
                if (!char.IsDigit(first[0]))
                {
                    throw r.Error("the " + r.Vocabulary.Board + " board has no chip '" + first + "' (its chips: " + string.Join(", ", r.Vocabulary.Chips.Keys) + ", or an address like 0x1A)");
                }

                address = LineReader.ParseAddress(first, r);
            }

            string kind = r.OneOf("a fault (nack or absent)", "nack", "absent");
            long duration = r.Duration();
            r.NoMore();
            return r.Step(timeMs, Verb.Fault, name: kind, value: duration, address: address);
        }

        private static ScriptStep ParseUsb(LineReader r, long timeMs)
        {
            if (!r.Vocabulary.HasUsbBridge)
            {
                throw r.Error("the " + r.Vocabulary.Board + " board has no USB audio bridge: it runs standalone and the ESP32 plays ('playback …')");
            }

            string what = r.OneOf("a USB action", "attach", "detach", "play", "record", "stop", "rate");
            long rate = 0;
            if (what == "rate")
            {
                rate = (long)r.Number("a sample rate in Hz");
                if (!InterfaceFirmware.Emulator.UsbHostModel.IsSupportedRate((int)rate))
                {
                    throw r.Error("the bridge streams at 8000, 11025, 16000, 22050, 32000, 44100 or 48000 Hz, not " + rate);
                }
            }

            r.NoMore();
            return r.Step(timeMs, Verb.Usb, name: what, value: rate);
        }

        private static ScriptStep ParseExpect(LineReader r, long timeMs)
        {
            string what = r.OneOf("what to expect", "level", "heard", "muted", "open", "monitor", "pops");
            switch (what)
            {
                case "heard":
                {
                    string jack = r.Jack();
                    double db = r.Db();
                    double within = DefaultHeardWithinDb;
                    if (r.HasMore)
                    {
                        r.Keyword("within");
                        within = Math.Abs(r.Db());
                    }

                    r.NoMore();
                    return r.Step(timeMs, Verb.ExpectHeard, name: jack, expected: db, within: within);
                }

                case "level":
                {
                    string jack = r.Jack();
                    double db = r.Db();
                    double within = DefaultWithinDb;
                    if (r.HasMore)
                    {
                        r.Keyword("within");
                        within = Math.Abs(r.Db());
                    }

                    r.NoMore();
                    return r.Step(timeMs, Verb.ExpectLevel, name: jack, expected: db, within: within);
                }

                case "muted":
                case "open":
                {
                    string jack = r.Jack();
                    r.NoMore();
                    return r.Step(timeMs, what == "muted" ? Verb.ExpectMuted : Verb.ExpectOpen, name: jack);
                }

                case "monitor":
                {
                    string mode = r.OneOf("a monitor mode", "off", "mono", "stereo");
                    r.NoMore();
                    return r.Step(timeMs, Verb.ExpectMonitor, name: mode);
                }

                default:
                {
                    double count = r.Number("a number of pops");
                    if (count < 0 || count != Math.Floor(count))
                    {
                        throw r.Error("a number of pops is a whole number");
                    }

                    r.NoMore();
                    return r.Step(timeMs, Verb.ExpectPops, expected: count);
                }
            }
        }

        /// <summary>The words of one line, read left to right, with errors that name the line.</summary>
        private sealed class LineReader
        {
            private readonly int _line;
            private readonly string _text;
            private readonly string[] _words;
            private int _next = 1; // word 0 is the time

            public LineReader(int line, string text, string[] words, ScriptVocabulary vocabulary)
            {
                _line = line;
                _text = text;
                _words = words;
                Vocabulary = vocabulary;
            }

            public ScriptVocabulary Vocabulary { get; }

            public bool HasMore
            {
                get { return _next < _words.Length; }
            }

            public ScriptException Error(string message)
            {
                return new ScriptException(_line, message);
            }

            public ScriptStep Step(long timeMs, Verb verb, string name = null, long value = 0, int address = 0,
                double expected = 0, double within = 0, SignalSpec signal = null)
            {
                return new ScriptStep
                {
                    Line = _line,
                    Text = _text,
                    TimeMs = timeMs,
                    Verb = verb,
                    Name = name,
                    Value = value,
                    Address = address,
                    Expected = expected,
                    Within = within,
                    Signal = signal,
                };
            }

            public string Word(string what)
            {
                if (!HasMore)
                {
                    throw Error("missing " + what + " at the end of '" + _text + "'");
                }

                return _words[_next++];
            }

            /// <summary>Everything after the command word, as written.</summary>
            public string Rest()
            {
                string afterTime = _text.Substring(_words[0].Length).TrimStart();
                _next = _words.Length;
                return afterTime.Substring(_words[1].Length).Trim();
            }

            public void NoMore()
            {
                if (HasMore)
                {
                    throw Error("unexpected '" + _words[_next] + "' in '" + _text + "'");
                }
            }

            public void Keyword(string keyword)
            {
                string word = Word("'" + keyword + "'");
                if (word != keyword)
                {
                    throw Error("expected '" + keyword + "', found '" + word + "'");
                }
            }

            public string OneOf(string what, params string[] choices)
            {
                string word = Word(what);
                if (Array.IndexOf(choices, word) < 0)
                {
                    throw Error("'" + word + "' is not " + what + " (one of: " + string.Join(", ", choices) + ")");
                }

                return word;
            }

            public string Button()
            {
                return Named("button", Vocabulary.Buttons);
            }

            public string Jack()
            {
                return Named("jack", Vocabulary.Jacks);
            }

            public string Input()
            {
                return Named("input", Vocabulary.Inputs);
            }

            private string Named(string what, string[] names)
            {
                string word = Word("a " + what);
                if (Array.IndexOf(names, word) < 0)
                {
                    throw Error("the " + Vocabulary.Board + " board has no " + what + " '" + word + "' (its " + what + "s: " + string.Join(", ", names) + ")");
                }

                return word;
            }

            public long Duration()
            {
                string word = Word("a duration (like 250ms or 1.5s)");
                if (!TryParseDuration(word, out long ms))
                {
                    throw Error("'" + word + "' is not a duration (like 250ms or 1.5s)");
                }

                return ms;
            }

            public double Number(string what)
            {
                string word = Word(what);
                if (!TryParseNumber(word, out double value))
                {
                    throw Error("'" + word + "' is not " + what);
                }

                return value;
            }

            /// <summary>A level: <c>-12</c>, <c>-12dB</c>, <c>-12dBFS</c>.</summary>
            public double Db()
            {
                string word = Word("a level in dB");
                string number = word;
                if (number.EndsWith("dBFS", StringComparison.OrdinalIgnoreCase))
                {
                    number = number.Substring(0, number.Length - 4);
                }
                else if (number.EndsWith("dB", StringComparison.OrdinalIgnoreCase))
                {
                    number = number.Substring(0, number.Length - 2);
                }

                if (!TryParseNumber(number, out double value))
                {
                    throw Error("'" + word + "' is not a level in dB (like -12 or -12dB)");
                }

                return value;
            }

            public int Address()
            {
                return ParseAddress(Word("an I2C address (like 0x1A)"), this);
            }

            /// <summary>A chip on the bus: its name or its address.</summary>
            public int Chip()
            {
                string word = Word("a chip (its name or I2C address)");
                string names = string.Join(", ", Vocabulary.Chips.Keys);
                if (Vocabulary.Chips.TryGetValue(word.ToLowerInvariant(), out int address))
                {
                    return address;
                }

                if (!word.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !char.IsDigit(word[0]))
                {
                    throw Error("the " + Vocabulary.Board + " board has no chip '" + word + "' (its chips: " + names + ", or an address)");
                }

                address = ParseAddress(word, this);
                foreach (int known in Vocabulary.Chips.Values)
                {
                    if (known == address)
                    {
                        return address;
                    }
                }

                throw Error("no chip answers at " + word + " on the " + Vocabulary.Board + " board (its chips: " + names + ")");
            }

            public static int ParseAddress(string word, LineReader r)
            {
                bool ok = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? int.TryParse(word.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int address)
                    : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out address);
                if (!ok || address < 0x08 || address > 0x77)
                {
                    throw r.Error("'" + word + "' is not a 7-bit I2C address (0x08 … 0x77)");
                }

                return address;
            }

            /// <summary><c>sine HZ DBFS</c>, <c>noise DBFS</c>, <c>guitar HZ DBFS</c>, <c>voice DBFS</c>, <c>wav FILE</c> or <c>silence</c>.</summary>
            public SignalSpec Signal()
            {
                string kind = OneOf("a signal", "sine", "noise", "guitar", "voice", "wav", "silence");
                if (kind == "wav")
                {
                    Word("a WAV file");
                    _next--;
                    string file = string.Join(" ", _words, _next, _words.Length - _next);
                    _next = _words.Length;
                    return new SignalSpec { Kind = kind, File = file };
                }

                double hz = 0;
                double dbfs = 0;
                if (kind == "sine" || kind == "guitar")
                {
                    hz = Number("a frequency in Hz");
                    if (hz <= 0 || hz >= 24000)
                    {
                        throw Error("a frequency between 0 and 24000 Hz (the stream runs at 48 kHz)");
                    }
                }

                if (kind != "silence")
                {
                    dbfs = Db();
                    if (dbfs > 0)
                    {
                        throw Error("a level at or below 0 dBFS (full scale)");
                    }
                }

                NoMore();
                return new SignalSpec { Kind = kind, FrequencyHz = hz, Dbfs = dbfs };
            }

            private static bool TryParseNumber(string word, out double value)
            {
                return double.TryParse(word.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            }
        }
    }
}
