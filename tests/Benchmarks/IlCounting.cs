using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// Counts the IL instructions the firmware executes: copies of the built host assemblies of
    /// hal, drivers and firmware (the same C# the device build compiles) get a counter added at
    /// the head of every basic block, incremented by the block's instruction count; the benchmark
    /// then runs again as a child process next to those copies, so the scenarios execute the
    /// instrumented code. Calls into the runtime (System.Math, Array.Copy, string building) count
    /// as the one call instruction: on the device they run natively.
    /// </summary>
    public static class IlCounting
    {
        public const string CounterType = "IlExecutionCounter";
        public const string CounterField = "Executed";
        public const string PerMethodField = "PerMethod";
        public const string CallsField = "Calls";
        private static readonly string[] Instrumented = { "InterfaceFirmware.Hal.dll", "InterfaceFirmware.Drivers.dll", "InterfaceFirmware.Firmware.dll" };
        private static Func<long>[] _readers;

        /// <summary>Runs `--count-il` in a child process on instrumented copies; its output lines.</summary>
        public static List<string> RunInstrumentedChild()
        {
            string source = AppContext.BaseDirectory;
            string copy = Path.Combine(Path.GetTempPath(), "interface-firmware-il-count");
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, true);
            }

            Directory.CreateDirectory(copy);
            foreach (string file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            foreach (string name in Instrumented)
            {
                Instrument(Path.Combine(copy, name));
            }

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(copy, "InterfaceFirmware.Benchmarks.dll"));
            start.ArgumentList.Add("--count-il");
            using var child = Process.Start(start)!;
            var lines = new List<string>();
            string line;
            while ((line = child.StandardOutput.ReadLine()) != null)
            {
                lines.Add(line);
            }

            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException("IL counting run failed: " + string.Join("\n", lines));
            }

            return lines;
        }

        /// <summary>True in the child: the loaded firmware assemblies carry counters.</summary>
        public static bool Active
        {
            get { return Readers().Length > 0; }
        }

        /// <summary>IL instructions executed so far in the instrumented assemblies (0 when not instrumented).</summary>
        public static long Executed()
        {
            long total = 0;
            foreach (var read in Readers())
            {
                total += read();
            }

            return total;
        }

        /// <summary>
        /// Call instructions (call, callvirt, newobj) executed so far in the instrumented assemblies:
        /// into managed methods and the runtime's native ones alike. The interpreter's per-IL figure
        /// comes from a loop in which one instruction of three is a call, so the calls' share of
        /// the firmware's IL says how far that figure carries over (docs/benchmarks.md).
        /// </summary>
        public static long Calls()
        {
            long total = 0;
            foreach (string name in Instrumented)
            {
                var assembly = System.Reflection.Assembly.Load(Path.GetFileNameWithoutExtension(name));
                var field = assembly.GetType(CounterType)?.GetField(CallsField);
                total += field == null ? 0 : (long)field.GetValue(null)!;
            }

            return total;
        }

        /// <summary>The methods that executed the most IL since <paramref name="baseline"/> (from <see cref="SnapshotPerMethod"/>), as "IL-per-tick name" lines over <paramref name="ticks"/> ticks.</summary>
        public static List<string> TopMethods(Dictionary<string, long> baseline, int count, int ticks)
        {
            var now = SnapshotPerMethod();
            return now.Select(kv => (Name: kv.Key, Count: kv.Value - (baseline.TryGetValue(kv.Key, out long b) ? b : 0)))
                .OrderByDescending(m => m.Count).Take(count).Select(m => (m.Count / (double)ticks).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " " + m.Name).ToList();
        }

        /// <summary>IL executed so far per method, by name (empty when not instrumented).</summary>
        public static Dictionary<string, long> SnapshotPerMethod()
        {
            var result = new Dictionary<string, long>();
            foreach (string name in Instrumented)
            {
                var assembly = System.Reflection.Assembly.Load(Path.GetFileNameWithoutExtension(name));
                var field = assembly.GetType(CounterType)?.GetField(PerMethodField);
                if (field == null)
                {
                    continue;
                }

                var counts = (long[])field.GetValue(null)!;
                string[] names = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, name + ".methods"));
                for (int i = 0; i < names.Length; i++)
                {
                    string key = Path.GetFileNameWithoutExtension(name).Replace("InterfaceFirmware.", string.Empty) + ":" + names[i];
                    result[key] = (result.TryGetValue(key, out long c) ? c : 0) + counts[i];
                }
            }

            return result;
        }

        private static Func<long>[] Readers()
        {
            if (_readers == null)
            {
                var readers = new List<Func<long>>();
                foreach (string name in Instrumented)
                {
                    var assembly = System.Reflection.Assembly.Load(Path.GetFileNameWithoutExtension(name));
                    var field = assembly.GetType(CounterType)?.GetField(CounterField);
                    if (field != null)
                    {
                        readers.Add(() => (long)field.GetValue(null)!);
                    }
                }

                _readers = readers.ToArray();
            }

            return _readers;
        }

        private static void Instrument(string path)
        {
            using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { InMemory = true });
            var counter = new TypeDefinition(string.Empty, CounterType,
                TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class, module.TypeSystem.Object);
            var field = new FieldDefinition(CounterField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
            counter.Fields.Add(field);
            var perMethod = new FieldDefinition(PerMethodField, FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.Int64));
            counter.Fields.Add(perMethod);
            var calls = new FieldDefinition(CallsField, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64);
            counter.Fields.Add(calls);
            var names = new List<string>();
            foreach (TypeDefinition type in module.GetTypes().ToList())
            {
                foreach (MethodDefinition method in type.Methods)
                {
                    if (method.HasBody)
                    {
                        InstrumentMethod(method, field, perMethod, calls, names.Count);
                        names.Add(type.Name + "." + method.Name);
                    }
                }
            }

            // the per-method array, allocated by the counter type's static constructor
            var cctor = new MethodDefinition(".cctor", MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName | MethodAttributes.HideBySig, module.TypeSystem.Void);
            ILProcessor init = cctor.Body.GetILProcessor();
            init.Emit(OpCodes.Ldc_I4, names.Count);
            init.Emit(OpCodes.Newarr, module.TypeSystem.Int64);
            init.Emit(OpCodes.Stsfld, perMethod);
            init.Emit(OpCodes.Ret);
            counter.Methods.Add(cctor);
            module.Types.Add(counter);
            module.Write(path);
            File.WriteAllLines(path + ".methods", names);
        }

        // Basic blocks: leaders are the first instruction, branch targets, the instruction after a
        // branch, return or throw, and exception-handler boundaries. Each leader becomes the head of
        // "Executed += block length" and its own instruction moves after that code, so every branch
        // and handler that named the leader now enters through the counter.
        private static void InstrumentMethod(MethodDefinition method, FieldDefinition field, FieldDefinition perMethod, FieldDefinition calls, int index)
        {
            MethodBody body = method.Body;
            body.SimplifyMacros();
            var instructions = body.Instructions.ToList();
            var leaders = new HashSet<Instruction> { instructions[0] };
            foreach (Instruction instruction in instructions)
            {
                if (instruction.Operand is Instruction target)
                {
                    leaders.Add(target);
                }
                else if (instruction.Operand is Instruction[] targets)
                {
                    leaders.UnionWith(targets);
                }

                FlowControl flow = instruction.OpCode.FlowControl;
                if ((flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return || flow == FlowControl.Throw) && instruction.Next != null)
                {
                    leaders.Add(instruction.Next);
                }
            }

            foreach (ExceptionHandler handler in body.ExceptionHandlers)
            {
                leaders.Add(handler.TryStart);
                leaders.Add(handler.HandlerStart);
                if (handler.FilterStart != null)
                {
                    leaders.Add(handler.FilterStart);
                }
            }

            var lengths = new Dictionary<Instruction, int>();
            var callsIn = new Dictionary<Instruction, int>();
            Instruction head = null;
            foreach (Instruction instruction in instructions)
            {
                if (leaders.Contains(instruction))
                {
                    head = instruction;
                    lengths[head] = 0;
                    callsIn[head] = 0;
                }

                lengths[head]++;
                Code code = instruction.OpCode.Code;
                if (code == Code.Call || code == Code.Callvirt || code == Code.Newobj)
                {
                    callsIn[head]++;
                }
            }

            ILProcessor il = body.GetILProcessor();
            foreach (var block in lengths)
            {
                Instruction leader = block.Key;
                Instruction moved = il.Create(OpCodes.Nop);
                moved.OpCode = leader.OpCode;
                moved.Operand = leader.Operand;
                leader.OpCode = OpCodes.Ldsfld;
                leader.Operand = field;
                il.InsertAfter(leader, moved);
                il.InsertBefore(moved, il.Create(OpCodes.Ldc_I8, (long)block.Value));
                il.InsertBefore(moved, il.Create(OpCodes.Add));
                il.InsertBefore(moved, il.Create(OpCodes.Stsfld, field));
                il.InsertBefore(moved, il.Create(OpCodes.Ldsfld, perMethod));
                il.InsertBefore(moved, il.Create(OpCodes.Ldc_I4, index));
                il.InsertBefore(moved, il.Create(OpCodes.Ldelema, method.Module.TypeSystem.Int64));
                il.InsertBefore(moved, il.Create(OpCodes.Dup));
                il.InsertBefore(moved, il.Create(OpCodes.Ldind_I8));
                il.InsertBefore(moved, il.Create(OpCodes.Ldc_I8, (long)block.Value));
                il.InsertBefore(moved, il.Create(OpCodes.Add));
                il.InsertBefore(moved, il.Create(OpCodes.Stind_I8));
                if (callsIn[leader] > 0)
                {
                    il.InsertBefore(moved, il.Create(OpCodes.Ldsfld, calls));
                    il.InsertBefore(moved, il.Create(OpCodes.Ldc_I8, (long)callsIn[leader]));
                    il.InsertBefore(moved, il.Create(OpCodes.Add));
                    il.InsertBefore(moved, il.Create(OpCodes.Stsfld, calls));
                }
            }

            body.OptimizeMacros();
        }
    }
}
