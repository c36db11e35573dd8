using System;
using System.Collections.Generic;
using System.IO;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using ScottPlot;

namespace InterfaceFirmware.EmulatorCli.Output
{
    /// <summary>
    /// The session as a picture (session.png): the level of each jack's channels over time (RMS of
    /// 20 ms windows, dB re a full-scale sine, floored at −100 dB) with the script's lines marked —
    /// the <c>say</c> lines as labelled chapters, the other commands as thin lines.
    /// </summary>
    public static class SessionPicture
    {
        public const int Width = 1600;
        public const int Height = 700;
        public const int WindowMs = 20;
        public const double FloorDb = -100;

        /// <summary>One channel to draw: its name and recording.</summary>
        public sealed class Channel
        {
            public Channel(string name, SignalRecorder recorder)
            {
                Name = name;
                Recorder = recorder;
            }

            public string Name { get; }

            public SignalRecorder Recorder { get; }
        }

        public static void Write(Stream stream, string title, IReadOnlyList<Channel> channels, IReadOnlyList<ScriptStep> events)
        {
            byte[] png = Render(title, channels, events);
            stream.Write(png, 0, png.Length);
        }

        public static byte[] Render(string title, IReadOnlyList<Channel> channels, IReadOnlyList<ScriptStep> events)
        {
            var plot = new Plot();
            plot.Title(title);
            plot.XLabel("time (s)");
            plot.YLabel("level (dB re full-scale sine, 20 ms RMS)");
            double endSeconds = 0;
            foreach (Channel channel in channels)
            {
                Levels(channel.Recorder, out double[] seconds, out double[] db);
                if (seconds.Length == 0)
                {
                    continue;
                }

                var line = plot.Add.ScatterLine(seconds, db);
                line.LegendText = channel.Name;
                line.LineWidth = 1.5f;
                endSeconds = Math.Max(endSeconds, seconds[seconds.Length - 1]);
            }

            int chapter = 0;
            foreach (ScriptStep step in events)
            {
                bool say = step.Verb == Verb.Say;
                if (!say && (step.Verb == Verb.ExpectLevel || step.Verb == Verb.ExpectHeard || step.Verb == Verb.ExpectMuted
                    || step.Verb == Verb.ExpectOpen || step.Verb == Verb.ExpectMonitor || step.Verb == Verb.ExpectPops || step.Verb == Verb.End))
                {
                    continue; // checks, not events
                }

                var marker = plot.Add.VerticalLine(step.TimeMs / 1000.0);
                marker.LineWidth = say ? 1.5f : 0.5f;
                marker.LinePattern = say ? LinePattern.Solid : LinePattern.Dotted;
                marker.Color = say ? Colors.DarkSlateGray : Colors.Gray.WithAlpha(0.6);
                if (say)
                {
                    chapter++;
                    marker.LabelText = chapter + ". " + Shorten(step.Name, 48);
                    marker.LabelOppositeAxis = chapter % 2 == 0;
                    marker.LabelFontSize = 10;
                }
            }

            plot.Axes.SetLimitsY(FloorDb - 5, 10);
            plot.Axes.SetLimitsX(0, Math.Max(endSeconds, 1));
            plot.ShowLegend(Alignment.LowerRight);
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }

        /// <summary>The level in windows of <see cref="WindowMs"/>: the window's middle (s) and its RMS (dB re a full-scale sine).</summary>
        public static void Levels(SignalRecorder recorder, out double[] seconds, out double[] db)
        {
            int window = AudioEngine.SampleRate * WindowMs / 1000;
            long first = Math.Max(recorder.FirstSample, 0);
            long count = recorder.Length / window;
            seconds = new double[count];
            db = new double[count];
            for (long w = 0; w < count; w++)
            {
                long start = first + w * window;
                double rms = recorder.Rms(start, start + window);
                seconds[w] = (start + window / 2.0) / AudioEngine.SampleRate;
                db[w] = rms > 0 ? Math.Max(FloorDb, Decibels.ToDb(rms * Math.Sqrt(2))) : FloorDb;
            }
        }

        private static string Shorten(string text, int length)
        {
            return text.Length <= length ? text : text.Substring(0, length - 1) + "…";
        }
    }
}
