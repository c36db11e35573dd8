using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Inputs;
using Spectre.Console;

namespace InterfaceFirmware.EmulatorCli.Commands
{
    /// <summary>
    /// <c>interactive</c>: the firmware on the emulated board in real time, with a live panel (each
    /// jack's level and what it plays, the input meters with peak hold, mode, blend, LEDs, faults,
    /// the latest log lines) and the board's buttons on keys. A key cannot be held on a terminal,
    /// so each button has three keys: a press, a long press (1.2 s), and a latch that holds it down
    /// until the latch key comes again (for combos: latch select, press volume-down, latch again).
    /// </summary>
    public static class InteractiveCommand
    {
        public const int LongPressMs = 1200;
        private const string PressKeys = "asdfghjk";
        private const string LatchKeys = "zxcvbnm,";
        private const int RefreshMs = 100;

        public static int Run(string board, TextWriter error, bool terminal)
        {
            if (!terminal)
            {
                error.WriteLine("interface-emulator interactive: needs a terminal (its input or output is redirected); run a session script instead: interface-emulator --script FILE");
                return Program.ExitUsage;
            }

            ScriptVocabulary vocabulary = Boards.Vocabulary(board);
            var runner = new SessionRunner(board, new Timeline(TextWriter.Null));
            string setup = (vocabulary.HasUsbBridge ? "0s usb attach\n" : string.Empty)
                + "0s input " + vocabulary.Inputs[0] + " guitar 196 -24\n"
                + (vocabulary.Inputs.Length > 1 ? "0s input " + vocabulary.Inputs[1] + " voice -30\n" : string.Empty)
                + "0s playback sine 440 -12\n0s boot\n";
            foreach (ScriptStep step in ScriptParser.Parse(setup, vocabulary))
            {
                runner.RunLine(step);
            }

            bool usbPlayStarted = !vocabulary.HasUsbBridge;
            bool quit = false;
            ConsoleCancelEventHandler onCancel = (sender, e) =>
            {
                e.Cancel = true;
                quit = true;
            };
            Console.CancelKeyPress += onCancel;
            var latched = new bool[vocabulary.Buttons.Length];
            var wall = Stopwatch.StartNew();
            try
            {
                AnsiConsole.Live(Panel(runner, vocabulary, latched)).AutoClear(true).Start(live =>
                {
                    while (!quit)
                    {
                        while (Console.KeyAvailable)
                        {
                            ConsoleKeyInfo key = Console.ReadKey(true);
                            if (key.KeyChar == 'q' || key.KeyChar == 'Q' || key.KeyChar == '\u0003' || key.Key == ConsoleKey.Escape)
                            {
                                quit = true;
                                break;
                            }

                            OnKey(runner, vocabulary, latched, key.KeyChar);
                        }

                        long target = wall.ElapsedMilliseconds;
                        target -= target % InterfaceDevice.TickMs;
                        if (target > runner.Board.Clock.NowMs)
                        {
                            runner.AdvanceTo(target);
                        }

                        if (!usbPlayStarted && runner.Board.Usb.HostConfigured)
                        {
                            usbPlayStarted = true;
                            runner.RunLine(ScriptParser.Parse("0s usb play\n", vocabulary)[0]);
                        }

                        live.UpdateTarget(Panel(runner, vocabulary, latched));
                        Thread.Sleep(RefreshMs);
                    }
                });
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            AnsiConsole.WriteLine("interface-emulator interactive: " + (runner.Board.Clock.NowMs / 1000.0).ToString("0.0") + " s, "
                + Boards.Pops(runner.Board, true).Count + " pops heard");
            return Program.ExitOk;
        }

        private static void OnKey(SessionRunner runner, ScriptVocabulary vocabulary, bool[] latched, char key)
        {
            char lower = char.ToLowerInvariant(key);
            int press = PressKeys.IndexOf(lower);
            int latch = LatchKeys.IndexOf(key);
            if (press >= 0 && press < vocabulary.Buttons.Length && !latched[press])
            {
                runner.Board.Button(vocabulary.Buttons[press]).Press(char.IsUpper(key) ? LongPressMs : ScriptParser.DefaultPressMs);
            }
            else if (latch >= 0 && latch < vocabulary.Buttons.Length)
            {
                Button button = runner.Board.Button(vocabulary.Buttons[latch]);
                latched[latch] = !latched[latch];
                if (latched[latch])
                {
                    button.PressAndHold();
                }
                else
                {
                    button.Release();
                }
            }
            else if (lower == 'p')
            {
                runner.Board.PlugHeadphones(!runner.Board.MainJack.HeadphonePlugged);
            }
        }

        private static Spectre.Console.Rendering.IRenderable Panel(SessionRunner runner, ScriptVocabulary vocabulary, bool[] latched)
        {
            VirtualBoard board = runner.Board;
            InterfaceDevice device = runner.Device;
            BoardProfile profile = runner.Profile;
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow(new Markup("[bold]time[/]"), new Text((board.Clock.NowMs / 1000.0).ToString("0.0") + " s (real time)"));
            if (device == null || !board.Powered)
            {
                grid.AddRow(new Markup("[bold]device[/]"), new Text(board.Powered ? "booting" : "no power"));
            }
            else
            {
                grid.AddRow(new Markup("[bold]mode[/]"), new Text(Timeline.ModeText(device) + (device.KeepAlive.Active ? " + keep-alive (" + device.KeepAlive.Pulses + " pulses)" : string.Empty)));
                for (int j = 0; j < profile.Jacks.Length; j++)
                {
                    double heard = Expectations.HeardDb(Boards.Output(board, j), board.Audio.NextSample);
                    var targets = device.Targets(j);
                    string level = targets.Silent
                        ? Timeline.SilentReason(device, profile, j) + " (level " + InterfaceDevice.Db(device.Settings.Jacks[j].LevelCentiDb) + ")"
                        : InterfaceDevice.Db(device.Settings.Jacks[j].LevelCentiDb);
                    string eq = Timeline.EqText(device, j);
                    grid.AddRow(new Markup("[bold]" + profile.Jacks[j].Name + " jack[/]"), new Text(level + "   plays " + Bar(heard, -80, 0) + " " + Format(heard) + " dB"
                        + (eq != null ? "   " + eq : string.Empty)));
                }

                if (device.Inputs != null)
                {
                    for (int c = 0; c < PeakMeter.Channels; c++)
                    {
                        int peak = device.Inputs.Meter.PeakCentiDb(c);
                        string clip = device.Inputs.Meter.Clipping(c) ? " [red bold]CLIP[/]" : string.Empty;
                        grid.AddRow(new Markup("[bold]input " + (c + 1) + "[/]"), new Markup(Markup.Escape(
                            "gain " + AutoGain.FormatDb(device.Inputs.Gains.GainCentiDb(c)) + " dB   " + Bar(peak / 100.0, -60, 0) + " " + Timeline.Dbfs(peak)
                            + " dBFS, hold " + Timeline.Dbfs(device.Inputs.Meter.HeldCentiDb(c))) + clip + (device.Inputs.AutoGain(c).Running ? " auto gain listening" : string.Empty)));
                    }
                }

                string state = Timeline.State(board, device, profile);
                int leds = state.IndexOf("LEDs", StringComparison.Ordinal);
                grid.AddRow(new Markup("[bold]LEDs[/]"), new Text(leds >= 0 ? state.Substring(leds + 5) : string.Empty));
                grid.AddRow(new Markup("[bold]monitor[/]"), new Text(Timeline.MonitorName(device.Targets(0).MonitorMode) + ", " + Timeline.Blend(device.Settings.Blend)));
                grid.AddRow(new Markup("[bold]faults[/]"), new Markup(device.State.Fault ? "[red]yes[/]" : "none"));
                grid.AddRow(new Markup("[bold]pops heard[/]"), new Text(Boards.Pops(board, true).Count.ToString()));
            }

            var keys = new StringBuilder();
            for (int i = 0; i < vocabulary.Buttons.Length && i < PressKeys.Length; i++)
            {
                keys.Append(PressKeys[i]).Append('/').Append(char.ToUpperInvariant(PressKeys[i])).Append('/').Append(LatchKeys[i])
                    .Append(' ').Append(vocabulary.Buttons[i]).Append(latched[i] ? " (held)" : string.Empty).Append("   ");
            }

            grid.AddRow(new Markup("[bold]keys[/]"), new Text(keys.ToString().TrimEnd()));
            grid.AddRow(new Text(string.Empty), new Text("press / long press / hold-release   p plug or unplug the main jack   q quit"));
            var log = new StringBuilder();
            var entries = board.Log.Entries;
            for (int i = Math.Max(0, entries.Count - 6); i < entries.Count; i++)
            {
                var entry = (LogEntry)entries[i];
                log.Append((entry.TimeMs / 1000.0).ToString("0.0")).Append(" s ").Append(entry.Source).Append(": ").Append(entry.Message).Append('\n');
            }

            grid.AddRow(new Markup("[bold]log[/]"), new Text(log.ToString().TrimEnd('\n')));
            return new Panel(grid).Header("interface-emulator interactive: the " + profile.Name + " board").Expand();
        }

        private static string Bar(double db, double low, double high)
        {
            const int width = 30;
            int filled = double.IsNegativeInfinity(db) ? 0 : (int)Math.Round(width * Math.Clamp((db - low) / (high - low), 0, 1));
            return new string('█', filled) + new string('·', width - filled);
        }

        private static string Format(double db)
        {
            return double.IsNegativeInfinity(db) ? "-∞" : db.ToString("0.0");
        }
    }
}
