using System;
using System.Collections.Generic;
using System.IO;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Output;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;
using Spectre.Console;

namespace InterfaceFirmware.EmulatorCli.Commands
{
    /// <summary>
    /// <c>render</c>: what the headphones would play with the firmware configuring the board — an
    /// input WAV at the inputs (its left channel on the first input, its right on the second) and a
    /// playback WAV from the computer (or the ESP32 on the dev boards), from <see cref="StartMs"/>
    /// (the device is up by then) to their end; a script's lines (button presses…) run meanwhile.
    /// </summary>
    public static class RenderCommand
    {
        /// <summary>Where the WAV files start, and the written files too: the device is up by then.</summary>
        public const int StartMs = 3000;

        /// <summary>How long the render runs after the longer file ends.</summary>
        public const int TailMs = 500;

        public const string DefaultOutFolder = "render-out";

        public static int Run(string board, FileInfo inputWav, FileInfo playbackWav, FileInfo scriptFile, DirectoryInfo outFolder,
            TextWriter output, TextWriter error, bool terminal, Func<string, Stream> createTemporary = null)
        {
            if (inputWav == null && playbackWav == null)
            {
                error.WriteLine("interface-emulator render: give --input-wav FILE, --playback-wav FILE or both");
                return Program.ExitUsage;
            }

            ScriptVocabulary vocabulary = Boards.Vocabulary(board);
            var steps = new List<ScriptStep>();
            string scriptName = scriptFile != null ? scriptFile.FullName : null;
            WavAudio input;
            WavAudio playback;
            try
            {
                input = ReadWav("--input-wav", inputWav);
                playback = ReadWav("--playback-wav", playbackWav);
                ScriptStep[] script = new ScriptStep[0];
                if (scriptFile != null)
                {
                    script = ScriptParser.Parse(Program.ReadScript(scriptFile), vocabulary);
                    Program.LoadWavFiles(script, scriptFile.DirectoryName);
                }

                if (!Array.Exists(script, s => s.Verb == Verb.Boot))
                {
                    // The same start as the default sessions': a computer playing, or standalone.
                    string setup = vocabulary.HasUsbBridge ? "0s usb attach\n0s boot\n0.7s usb play\n" : "0s boot\n";
                    steps.AddRange(ScriptParser.Parse(setup, vocabulary));
                }

                if (input != null)
                {
                    steps.Add(Signal(Verb.Input, vocabulary.Inputs[0], inputWav, new WavAudio(input.Left, input.Left, input.SampleRate, 1), "left"));
                    if (vocabulary.Inputs.Length > 1)
                    {
                        steps.Add(Signal(Verb.Input, vocabulary.Inputs[1], inputWav, new WavAudio(input.Right, input.Right, input.SampleRate, 1), "right"));
                    }
                }

                if (playback != null)
                {
                    steps.Add(Signal(Verb.Playback, null, playbackWav, playback, null));
                }

                long endMs = StartMs + (long)Math.Ceiling(1000 * Math.Max(input != null ? input.Seconds : 0, playback != null ? playback.Seconds : 0)) + TailMs;
                foreach (ScriptStep step in script)
                {
                    if (step.Verb == Verb.End)
                    {
                        continue;
                    }

                    steps.Add(step);
                    endMs = Math.Max(endMs, step.TimeMs + TailMs);
                }

                // In time order; the set-up first where times are equal (a stable sort).
                var ordered = new List<ScriptStep>();
                for (int i = 0; i < steps.Count; i++)
                {
                    int at = ordered.Count;
                    while (at > 0 && ordered[at - 1].TimeMs > steps[i].TimeMs)
                    {
                        at--;
                    }

                    ordered.Insert(at, steps[i]);
                }

                ordered.Add(new ScriptStep { Line = 0, Text = Stamp(endMs) + " end", TimeMs = endMs, Verb = Verb.End });
                steps = ordered;
            }
            catch (ScriptException e)
            {
                error.WriteLine("interface-emulator render: " + scriptName + ": " + e.Message);
                return Program.ExitUsage;
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator render: " + e.Message);
                return Program.ExitUsage;
            }

            var timeline = new Timeline(TextWriter.Null);
            var runner = new SessionRunner(board, timeline);
            OutputPlan plan;
            try
            {
                var inputs = Program.Inputs(scriptFile, steps);
                if (inputWav != null)
                {
                    inputs.Add(("--input-wav", inputWav.FullName));
                }

                if (playbackWav != null)
                {
                    inputs.Add(("--playback-wav", playbackWav.FullName));
                }

                plan = Program.PlanOutputs(runner, timeline, outFolder, null, null, scriptFile, inputs, createTemporary, StartMs);
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator render: " + e.Message);
                return Program.ExitUsage;
            }

            timeline.Header("interface-emulator render: the firmware on the emulated " + board + " board");
            long totalMs = steps[steps.Count - 1].TimeMs;
            SessionOutcome outcome;
            try
            {
                outcome = terminal ? RunWithProgressBar(runner, steps, totalMs) : runner.Run(steps.ToArray());
            }
            catch (ScriptException e)
            {
                plan.RemoveMadeFolder();
                error.WriteLine("interface-emulator render: " + scriptName + ": " + e.Message + " (nothing was written)");
                return Program.ExitUsage;
            }

            try
            {
                plan.Write();
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator render: " + e.Message);
                return Program.ExitUsage;
            }

            string text = timeline.Text;
            int summary = text.IndexOf("\nsummary\n", StringComparison.Ordinal);
            output.Write(summary >= 0 ? text.Substring(summary + 1) : text);
            foreach (string path in plan.Paths)
            {
                output.WriteLine("wrote " + path);
            }

            if (outcome == SessionOutcome.ExpectationFailed)
            {
                error.WriteLine("interface-emulator render: " + scriptName + ": " + runner.Failure);
                return Program.ExitExpectationFailed;
            }

            return Program.ExitOk;
        }

        private static SessionOutcome RunWithProgressBar(SessionRunner runner, List<ScriptStep> steps, long totalMs)
        {
            SessionOutcome outcome = SessionOutcome.Passed;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask("rendering " + (totalMs / 1000.0).ToString("0.0") + " s through the firmware", true, totalMs);
                    runner.Progress = ms => task.Value = ms;
                    outcome = runner.Run(steps.ToArray());
                    task.Value = totalMs;
                });
            return outcome;
        }

        private static WavAudio ReadWav(string option, FileInfo file)
        {
            if (file == null)
            {
                return null;
            }

            try
            {
                return WavReader.Read(file.FullName);
            }
            catch (WavException e)
            {
                throw new OutputException(option + " " + file.FullName + ": cannot read it (" + e.Message + ")");
            }
        }

        private static ScriptStep Signal(Verb verb, string input, FileInfo file, WavAudio audio, string channel)
        {
            string command = (verb == Verb.Input ? "input " + input : "playback") + " wav " + file.Name + (channel != null ? " (" + channel + " channel)" : string.Empty);
            return new ScriptStep
            {
                Line = 0,
                Text = Stamp(StartMs) + " " + command,
                TimeMs = StartMs,
                Verb = verb,
                Name = input,
                Signal = new SignalSpec { Kind = "wav", File = file.FullName, Wav = audio },
            };
        }

        private static string Stamp(long ms)
        {
            return ms + "ms";
        }
    }
}
