joinedupSearch.add("p-16",{"talk":[6,30],"task":[8,30],"team":[9,69],"therapist":[2,55,6,55],"togeth":[9,30]});
